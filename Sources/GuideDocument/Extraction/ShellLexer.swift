/// The one shell lexer of GuideKit: reads a command text the way a POSIX shell splits it,
/// without expanding or running anything. Extraction reads command-line options from its
/// words (`CommandLineReader`); render quotes substituted values for the context at their
/// spot and proves a rendered command kept its shape (`ShellSyntax`).
///
/// Words keep the source offset of each of their scalars (quotes and escapes removed), so a
/// value inside `--flag="value"` is located at its first character. Newlines and `;` are the
/// operator `;`; a backslash before a newline joins lines; `#` at the start of a word begins a
/// comment; `$( … )` and `` `…` `` stay in their word as written.
package struct ShellLexer {
    /// What the lexer is inside when it reaches a character.
    package enum Context: Sendable, Equatable {
        case unquoted, singleQuoted, doubleQuoted
    }

    package enum Token: Sendable, Equatable {
        /// A word: its text, and the 0-based scalar offset in the input of each of its scalars.
        case word(String, offsets: [Int], start: Int, end: Int)
        case `operator`(String, offset: Int)
    }

    package private(set) var tokens: [Token] = []
    /// `contexts[i]`: the context scalar `i` is read in (a quote itself counts as outside).
    package private(set) var contexts: [Context] = []
    /// A quote, `$(` or backquote never closed.
    package private(set) var unbalanced = false

    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var word = String.UnicodeScalarView()
    private var offsets: [Int] = []
    private var wordStart: Int?

    package init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        contexts.reserveCapacity(scalars.count)
        run()
    }

    private mutating func emit(_ context: Context) { contexts.append(context) }

    private mutating func append(_ offset: Int) {
        if wordStart == nil { wordStart = offset }
        word.append(scalars[offset])
        offsets.append(offset)
    }

    private mutating func begin() { if wordStart == nil { wordStart = index } }

    private mutating func endWord() {
        if let start = wordStart { tokens.append(.word(String(word), offsets: offsets, start: start, end: index)) }
        word = String.UnicodeScalarView()
        offsets = []
        wordStart = nil
    }

    private mutating func run() {
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case " ", "\t", "\r":
                endWord(); emit(.unquoted); index += 1
            case "\n":
                endWord(); emit(.unquoted)
                if case .operator(";", _)? = tokens.last {} else { tokens.append(.operator(";", offset: index)) }
                index += 1
            case "#" where wordStart == nil:
                while index < scalars.count, scalars[index] != "\n" { emit(.unquoted); index += 1 }
            case "\\":
                begin()
                emit(.unquoted); index += 1
                guard index < scalars.count else { endWord(); return }
                if scalars[index] == "\n" {  // line continuation
                    if word.isEmpty { wordStart = nil }
                    emit(.unquoted); index += 1
                    continue
                }
                append(index); emit(.unquoted); index += 1
            case "'":
                begin()
                emit(.unquoted); index += 1
                while index < scalars.count, scalars[index] != "'" { append(index); emit(.singleQuoted); index += 1 }
                guard index < scalars.count else { unbalanced = true; endWord(); return }
                emit(.unquoted); index += 1
            case "\"":
                begin()
                emit(.unquoted); index += 1
                guard doubleQuoted() else { unbalanced = true; endWord(); return }
            case "$" where index + 1 < scalars.count && scalars[index + 1] == "(":
                begin()
                guard substitution(context: .unquoted) else { unbalanced = true; endWord(); return }
            case "`":
                begin()
                guard backquoted(context: .unquoted) else { unbalanced = true; endWord(); return }
            case "|", "&", ";", "<", ">", "(", ")":
                endWord()
                let start = index
                var op = String(scalar)
                emit(.unquoted); index += 1
                // Two-character operators: || && ;; << >> >& <& >| <>
                if index < scalars.count, "|&;<>".unicodeScalars.contains(scalars[index]), scalar != "(", scalar != ")" {
                    op.unicodeScalars.append(scalars[index]); emit(.unquoted); index += 1
                }
                tokens.append(.operator(op, offset: start))
            default:
                append(index); emit(.unquoted); index += 1
            }
        }
        endWord()
    }

    /// After an opening `"`: to and including the closing one.
    private mutating func doubleQuoted() -> Bool {
        while index < scalars.count {
            switch scalars[index] {
            case "\"":
                emit(.unquoted); index += 1
                return true
            case "\\":
                emit(.doubleQuoted); index += 1
                guard index < scalars.count else { return false }
                append(index); emit(.doubleQuoted); index += 1
            case "$" where index + 1 < scalars.count && scalars[index + 1] == "(":
                guard substitution(context: .doubleQuoted) else { return false }
            case "`":
                guard backquoted(context: .doubleQuoted) else { return false }
            default:
                append(index); emit(.doubleQuoted); index += 1
            }
        }
        return false
    }

    /// `$( … )` kept in the word as written (nested parentheses and quotes followed).
    private mutating func substitution(context: Context) -> Bool {
        var depth = 0
        var quote: Unicode.Scalar?
        while index < scalars.count {
            let scalar = scalars[index]
            append(index); emit(context); index += 1
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
    private mutating func backquoted(context: Context) -> Bool {
        append(index); emit(context); index += 1
        while index < scalars.count {
            let scalar = scalars[index]
            append(index); emit(context); index += 1
            if scalar == "\\", index < scalars.count {
                append(index); emit(context); index += 1
            } else if scalar == "`" {
                return true
            }
        }
        return false
    }
}
