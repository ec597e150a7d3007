import GuideChecks
import GuideDocument
import LSPProtocol

/// Code actions for the findings under a range: each fix GuideKit is sure of as a preferred
/// quick fix (exactly the fixer's edits), and for every finding "disable this rule for the
/// next line", inserting the directive above the finding's line with a reason to fill in,
/// in the syntax of the place: a Markdown comment, or inside a code block the block's own
/// comment (`#` for YAML, shell, INI, `.env`; `//` for C-like languages; `--` for SQL and Lua),
/// as docs/CI.md describes the directives.
enum CodeActionProvider {
    static let reasonPlaceholder = "explain why"

    static func actions(for params: CodeActionParams, in document: CheckedDocument) -> [CodeAction] {
        if let only = params.context.only, !only.contains(where: { $0 == "quickfix" || "quickfix".hasPrefix($0 + ".") || $0 == "" }) {
            return []
        }
        var actions: [CodeAction] = []
        for finding in document.findings {
            let diagnostic = FindingConversion.diagnostic(for: finding, in: document.text)
            guard overlaps(diagnostic.range, params.range)
                || params.context.readableDiagnostics.contains(where: { $0.code == diagnostic.code && $0.range == diagnostic.range }) else { continue }
            if let fix = finding.fix {
                actions.append(CodeAction(title: "GuideKit: \(fix.description)", kind: "quickfix", diagnostics: [diagnostic], isPreferred: true,
                                          edit: WorkspaceEdit(changes: [document.text.uri: FindingConversion.textEdits(of: fix, in: document.text)])))
            }
            // Front matter is YAML read before any directive: a comment there silences nothing.
            guard !inFrontMatter(finding.location.line, document.text) else { continue }
            actions.append(CodeAction(title: "GuideKit: disable \(finding.ruleID) for the next line", kind: "quickfix", diagnostics: [diagnostic],
                                      isPreferred: false, edit: WorkspaceEdit(changes: [document.text.uri: [disableEdit(for: finding, in: document)]])))
        }
        return actions
    }

    /// Whether 1-based `line` is inside the front matter (`---` on the first line to the next
    /// `---` or `...`).
    static func inFrontMatter(_ line: Int, _ text: TextDocument) -> Bool {
        guard text.line(0) == "---" else { return false }
        for index in 1..<max(1, text.lineCount) where text.line(index) == "---" || text.line(index) == "..." {
            return line <= index + 1
        }
        return false
    }

    static func overlaps(_ a: Range, _ b: Range) -> Bool {
        if a.start.line > b.end.line || b.start.line > a.end.line { return false }
        return !(a.end < b.start) && !(b.end < a.start)
    }

    /// A new line above the finding's line, indented as that line is.
    static func disableEdit(for finding: Finding, in document: CheckedDocument) -> LSPProtocol.TextEdit {
        let lineIndex = finding.location.line - 1
        let line = document.text.line(lineIndex)
        let indentation = String(line.prefix { $0 == " " || $0 == "\t" })
        let directive = "guidekit-disable-next-line \(finding.ruleID): \(reasonPlaceholder)"
        let text: String = switch commentMarker(at: finding.location.line, in: document.guide) {
        case .some(let marker): "\(indentation)\(marker) \(directive)"
        case .none: "\(indentation)<!-- \(directive) -->"
        }
        let ending = document.text.text.contains("\r\n") ? "\r\n" : "\n"
        let start = Position(line: lineIndex, character: 0)
        return LSPProtocol.TextEdit(range: Range(start: start, end: start), newText: text + ending)
    }

    /// The comment marker of the code block whose content holds `line`, `nil` outside blocks.
    static func commentMarker(at line: Int, in guide: Guide?) -> String? {
        guard let block = guide?.codeBlocks.first(where: { $0.contentFirstLine <= line && line < $0.lineAfterContent }) else { return nil }
        switch block.language ?? "" {
        case "js", "javascript", "ts", "typescript", "json5", "jsonc", "go", "c", "cpp", "java", "kotlin", "swift", "rust", "php", "groovy", "csharp", "cs", "scala", "dart":
            return "//"
        case "sql", "lua", "haskell":
            return "--"
        default:
            return "#"
        }
    }
}
