import GuideChecks
import GuideDocument
import GuideKnowledge

/// Site values in shell commands: quoted for the spot they land in, and the rendered command
/// proved to split into the same words as the guide's (docs/SITES.md, "Quoting").
extension SubstitutionPlan {
    /// Shell blocks: the `shell` role, or a shell language without a role.
    static func isShell(_ block: CodeBlock) -> Bool {
        block.role == .shell || (block.role == nil && ["sh", "bash", "shell", "zsh"].contains(block.language ?? ""))
    }

    /// Rewrites each edit that lands inside a shell block so that the shell reads the new
    /// value literally in the quoting context at that spot (`ShellSyntax.quote`).
    mutating func quoteEditsInShellBlocks() {
        for block in guide.codeBlocks where Self.isShell(block) {
            guard let contexts = ShellSyntax.contexts(block.content) else { continue }
            let lines = block.content.lines()
            // Scalar offset of each content line in the block's content.
            var starts: [Int] = []
            var offset = 0
            for line in lines {
                starts.append(offset)
                offset += line.unicodeScalars.count + 1
            }
            for index in edits.indices {
                let edit = edits[index]
                let lineIndex = edit.line - block.contentFirstLine
                guard lineIndex >= 0, lineIndex < lines.count else { continue }
                let content = lines[lineIndex]
                let source = guide.source.resolvedLine(edit.line)
                // Container prefixes (indentation, `> `) come before the block's own text.
                let prefix = source.unicodeScalars.count - content.unicodeScalars.count
                let position = starts[lineIndex] + edit.column - 1 - prefix
                guard edit.column > prefix, position < contexts.count else { continue }
                edits[index].replacement = ShellSyntax.quote(edit.replacement, in: contexts[position])
            }
        }
    }

    /// `nil` when every shell block of `rendered` splits into the same operators and the same
    /// number of words as in the guide; else which block changed, for the render error.
    static func shellShapeProblem(original: Guide, rendered: Guide) -> String? {
        let before = original.codeBlocks.filter(isShell), after = rendered.codeBlocks.filter(isShell)
        guard before.count == after.count else { return "the rendered guide has \(after.count) shell blocks, the guide \(before.count)" }
        for (old, new) in zip(before, after) {
            // A block the lexer cannot read (a here-document with an apostrophe) is not compared.
            guard let oldTokens = ShellSyntax.tokens(old.content) else { continue }
            guard let newTokens = ShellSyntax.tokens(new.content) else {
                return "the shell command at line \(new.location.line) has an unclosed quote after substitution"
            }
            func shape(_ tokens: [ShellSyntax.Token]) -> [String] {
                tokens.map { if case .operator(let op) = $0 { op } else { "word" } }
            }
            if shape(oldTokens) != shape(newTokens) {
                return "the shell command at line \(new.location.line) would be split differently by the shell after substitution (\(newTokens.count) tokens instead of \(oldTokens.count))"
            }
        }
        return nil
    }
}
