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
        var lexer = Lexer(Array(text.unicodeScalars))
        lexer.run()
        return lexer.unbalanced ? nil : lexer.contexts
    }

    /// The tokens a shell reads from `text`, or `nil` when a quote or `$(` is never closed.
    /// Newlines and `;` are both the operator `;`; a backslash before a newline joins lines;
    /// `#` at the start of a word begins a comment.
    public static func tokens(_ text: String) -> [Token]? {
        var lexer = Lexer(Array(text.unicodeScalars))
        lexer.run()
        return lexer.unbalanced ? nil : lexer.tokens
    }

    private struct Lexer {
        let scalars: [Unicode.Scalar]
        var index = 0
        var tokens: [Token] = []
        var contexts: [Context] = []
        var word = ""
        var inWord = false
        var unbalanced = false

        init(_ scalars: [Unicode.Scalar]) {
            self.scalars = scalars
            contexts.reserveCapacity(scalars.count)
        }

        mutating func emit(_ context: Context) { contexts.append(context) }

        mutating func endWord() {
            if inWord { tokens.append(.word(word)) }
            word = ""
            inWord = false
        }

        mutating func run() {
            while index < scalars.count {
                let scalar = scalars[index]
                switch scalar {
                case " ", "\t":
                    endWord(); emit(.unquoted); index += 1
                case "\n":
                    endWord(); emit(.unquoted); index += 1
                    if tokens.last != .operator(";") { tokens.append(.operator(";")) }
                case "#" where !inWord:
                    while index < scalars.count, scalars[index] != "\n" { emit(.unquoted); index += 1 }
                case "\\":
                    emit(.unquoted); index += 1
                    guard index < scalars.count else { return }
                    if scalars[index] == "\n" { emit(.unquoted); index += 1; continue }  // line continuation
                    word.unicodeScalars.append(scalars[index]); inWord = true
                    emit(.unquoted); index += 1
                case "'":
                    inWord = true
                    emit(.unquoted); index += 1
                    while index < scalars.count, scalars[index] != "'" {
                        word.unicodeScalars.append(scalars[index]); emit(.singleQuoted); index += 1
                    }
                    guard index < scalars.count else { unbalanced = true; return }
                    emit(.unquoted); index += 1
                case "\"":
                    inWord = true
                    emit(.unquoted); index += 1
                    guard doubleQuoted() else { unbalanced = true; return }
                case "$" where index + 1 < scalars.count && scalars[index + 1] == "(":
                    inWord = true
                    guard substitution(context: .unquoted) else { unbalanced = true; return }
                case "`":
                    inWord = true
                    guard backquoted(context: .unquoted) else { unbalanced = true; return }
                case "|", "&", ";", "<", ">", "(", ")":
                    endWord()
                    var op = String(scalar)
                    emit(.unquoted); index += 1
                    // Two-character operators: || && ;; << >> >& <& >| <>
                    if index < scalars.count, "|&;<>".unicodeScalars.contains(scalars[index]), scalar != "(", scalar != ")" {
                        op.unicodeScalars.append(scalars[index]); emit(.unquoted); index += 1
                    }
                    tokens.append(.operator(op))
                default:
                    word.unicodeScalars.append(scalar); inWord = true
                    emit(.unquoted); index += 1
                }
            }
            endWord()
        }

        /// After an opening `"`: to and including the closing one.
        mutating func doubleQuoted() -> Bool {
            while index < scalars.count {
                let scalar = scalars[index]
                switch scalar {
                case "\"":
                    emit(.unquoted); index += 1
                    return true
                case "\\":
                    emit(.doubleQuoted); index += 1
                    guard index < scalars.count else { return false }
                    word.unicodeScalars.append(scalars[index]); emit(.doubleQuoted); index += 1
                case "$" where index + 1 < scalars.count && scalars[index + 1] == "(":
                    guard substitution(context: .doubleQuoted) else { return false }
                case "`":
                    guard backquoted(context: .doubleQuoted) else { return false }
                default:
                    word.unicodeScalars.append(scalar); emit(.doubleQuoted); index += 1
                }
            }
            return false
        }

        /// `$( … )` kept in the word as written (nested parentheses and quotes followed).
        mutating func substitution(context: Context) -> Bool {
            var depth = 0
            var quote: Unicode.Scalar?
            while index < scalars.count {
                let scalar = scalars[index]
                word.unicodeScalars.append(scalar); emit(context); index += 1
                if let open = quote {
                    if scalar == open { quote = nil }
                    continue
                }
                switch scalar {
                case "'", "\"": quote = scalar
                case "(": depth += 1
                case ")":
                    depth -= 1
                    if depth == 0 { return true }
                default: break
                }
            }
            return false
        }

        /// `` `…` `` kept in the word as written.
        mutating func backquoted(context: Context) -> Bool {
            word.unicodeScalars.append(scalars[index]); emit(context); index += 1
            while index < scalars.count {
                let scalar = scalars[index]
                word.unicodeScalars.append(scalar); emit(context); index += 1
                if scalar == "\\", index < scalars.count {
                    word.unicodeScalars.append(scalars[index]); emit(context); index += 1
                } else if scalar == "`" {
                    return true
                }
            }
            return false
        }
    }
}
