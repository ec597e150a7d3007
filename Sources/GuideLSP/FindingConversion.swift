import GuideChecks
import GuideDocument
import GuideReports
import LSPProtocol

/// GuideKit's findings and edits in the protocol's terms. GuideKit counts lines from 1 and
/// columns in Unicode scalars from 1; LSP counts both from 0, characters in UTF-16 code units,
/// so every column is converted on the document's own line.
enum FindingConversion {
    static func range(line: Int, column: Int, length: Int, in document: TextDocument) -> Range {
        let text = document.line(line - 1)
        let start = UTF16Columns.character(ofScalarColumn: column, in: text)
        let end = UTF16Columns.character(ofScalarColumn: column + max(length, 0), in: text)
        return Range(start: Position(line: max(0, line - 1), character: start),
                     end: Position(line: max(0, line - 1), character: end))
    }

    static func range(of finding: Finding, in document: TextDocument) -> Range {
        range(line: finding.location.line, column: finding.location.column, length: finding.length, in: document)
    }

    static func diagnostic(for finding: Finding, in document: TextDocument) -> Diagnostic {
        let range = range(of: finding, in: document)
        return Diagnostic(
            range: range,
            severity: finding.severity == .error ? .error : .warning,
            code: finding.ruleID,
            codeDescription: CodeDescription(href: RulePage.helpURI(for: finding.ruleID)),
            source: "guidekit",
            message: finding.message,
            relatedInformation: finding.help.map {
                [DiagnosticRelatedInformation(location: Location(uri: document.uri, range: range), message: "help: \($0)")]
            })
    }

    /// An input problem (a NUL byte, a bare CR, too many code blocks, too large) as one
    /// diagnostic at its place, or on the first line when it has none.
    static func diagnostic(for error: InputError, in document: TextDocument) -> Diagnostic {
        let location = error.location ?? SourceLocation(line: 1, column: 1)
        return Diagnostic(range: range(line: location.line, column: location.column, length: 1, in: document),
                          severity: .error, code: "input", codeDescription: nil, source: "guidekit",
                          message: error.message, relatedInformation: nil)
    }

    static func textEdits(of fix: Fix, in document: TextDocument) -> [LSPProtocol.TextEdit] {
        fix.edits.map { edit in
            LSPProtocol.TextEdit(range: range(line: edit.line, column: edit.column, length: edit.length, in: document),
                                 newText: edit.replacement)
        }
    }
}
