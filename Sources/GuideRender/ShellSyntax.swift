import GuideChecks
import GuideDocument
import GuideKnowledge

/// POSIX shell quoting for values pasted into commands, and a lexer that reads a command back
/// the way a shell splits it — without expanding or running anything.
///
/// Render quotes every value it substitutes into a shell block for the quoting context at
/// that spot (`quote(_:in:)`), then proves the result: the rendered block must split into the
/// same operators and the same number of words as the guide's own (`tokens(_:)`). Site values
/// are also limited to closed character sets (`SiteValueRules`), so quoting is normally a
/// no-op; it is what keeps a command's shape if a value with shell syntax ever gets through.
public enum ShellSyntax {
    /// What the shell's lexer is inside when it reaches a character.
    public enum Context: Sendable, Equatable {
        case unquoted, singleQuoted, doubleQuoted
    }

    /// One lexical token: a word (quotes removed, nothing expanded) or an operator.
    public enum Token: Sendable, Equatable {
        case word(String)
        case `operator`(String)
    }

    /// Characters that mean nothing to a POSIX shell anywhere in an unquoted word.
    static func isLiteral(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCIIAlphanumeric || "@%+=:,./_-".unicodeScalars.contains(scalar)
    }

    /// `value` written so that a shell, in `context`, reads back exactly `value` as (part of)
    /// one word. Unquoted: left alone when every character is literal, else single-quoted.
    /// Inside single quotes: each `'` becomes `'\''`. Inside double quotes: the quotes are
    /// closed around a single-quoted copy (`"…"'value'"…"`), the only form in which `$`,
    /// backquote, `\` and `!` are all literal.
    public static func quote(_ value: String, in context: Context) -> String {
        switch context {
        case .unquoted:
            if !value.isEmpty, value.unicodeScalars.allSatisfy(isLiteral) { return value }
            return singleQuoted(value)
        case .singleQuoted:
            return value.replacingOccurrences(of: "'", with: "'\\''")
        case .doubleQuoted:
            if value.unicodeScalars.allSatisfy(isLiteral) { return value }
            return "\"" + singleQuoted(value) + "\""
        }
    }

    private static func singleQuoted(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// The quoting context at each character of `text`: `contexts[i]` is the context in which
    /// scalar `i` is read (a quote character itself counts as outside). Comments count as
    /// unquoted. `nil` when a quote is never closed.
    public static func contexts(_ text: String) -> [Context]? {
        let lexer = ShellLexer(text)
        return lexer.unbalanced ? nil : lexer.contexts.map { context in
            switch context {
            case .unquoted: .unquoted
            case .singleQuoted: .singleQuoted
            case .doubleQuoted: .doubleQuoted
            }
        }
    }

    /// The tokens a shell reads from `text` (`ShellLexer`, the lexer extraction reads
    /// commands with), or `nil` when a quote or `$(` is never closed.
    public static func tokens(_ text: String) -> [Token]? {
        let lexer = ShellLexer(text)
        return lexer.unbalanced ? nil : lexer.tokens.map { token in
            switch token {
            case .word(let word, _, _, _): .word(word)
            case .operator(let op, _): .operator(op)
            }
        }
    }
}
