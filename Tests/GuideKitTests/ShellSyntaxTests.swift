import Foundation
import Testing
@testable import GuideChecks
@testable import GuideDocument
@testable import GuideKnowledge
@testable import GuideRender
@testable import GuideReports

/// The shell quoter and lexer, proved against bash itself: what `quote` writes, bash reads
/// back as exactly the value; how `tokens` splits a command is how bash splits it.
struct ShellSyntaxTests {
    /// Everything a shell gives a meaning, plus non-ASCII and ordinary characters.
    static let alphabet = Array(" \t\"'`$()[]{};&|<>*?!#~\\^=,+@%:/.-_aZ9éß€😀".unicodeScalars)

    static func randomValue(_ random: inout SeededGenerator) -> String {
        let length = Int.random(in: 0...12, using: &random)
        return String(String.UnicodeScalarView((0..<length).map { _ in alphabet.randomElement(using: &random)! }))
    }

    /// Runs a bash script and returns what it printed, split at NUL bytes.
    static func printed(by script: String) throws -> [String] {
        let folder = try TemporaryFolder()
        let path = try folder.write("script.sh", Data(script.utf8))
        let (status, output) = try SiteValueSafetyTests.bash([path])
        #expect(status == 0, "bash failed on:\n\(script)")
        return output.split(separator: "\0", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    @Test func quotedValuesReadBackExactlyInEveryContext() throws {
        var random = SeededGenerator(seed: 7)
        let values = (0..<300).map { _ in Self.randomValue(&random) }
        // Each value in each context, inside a word with text around it.
        var script = "set -f\n"
        for value in values {
            script += "printf '%s\\0' pre\(ShellSyntax.quote(value, in: .unquoted))post\n"
            script += "printf '%s\\0' 'pre\(ShellSyntax.quote(value, in: .singleQuoted))post'\n"
            script += "printf '%s\\0' \"pre\(ShellSyntax.quote(value, in: .doubleQuoted))post\"\n"
        }
        let output = try Self.printed(by: script)
        #expect(output.count == values.count * 3)
        for (index, value) in values.enumerated() where index * 3 + 2 < output.count {
            for context in 0..<3 {
                #expect(output[index * 3 + context] == "pre\(value)post", "context \(context), value \(value.debugDescription)")
            }
        }
    }

    @Test func literalValuesAreLeftAsWritten() {
        #expect(ShellSyntax.quote("https://auth.example.com:8443/x", in: .unquoted) == "https://auth.example.com:8443/x")
        #expect(ShellSyntax.quote("~root", in: .unquoted) == "'~root'")
        #expect(ShellSyntax.quote("", in: .unquoted) == "''")
        #expect(ShellSyntax.quote("it's", in: .singleQuoted) == "it'\\''s")
    }

    /// Random command lines of quoted and unquoted pieces: the lexer's words are bash's words.
    @Test func wordsAreSplitAsBashSplitsThem() throws {
        var random = SeededGenerator(seed: 11)
        let pieces = ["abc", "x=1", "--opt", "'a b'", "\"c d\"", "\"e\\\"f\"", "'g'\"h\"i", "j\\ k", "\\$l", "é€", "\"$(echo)\"", "''"]
        var commands: [String] = []
        for _ in 0..<200 {
            let count = Int.random(in: 1...6, using: &random)
            commands.append((0..<count).map { _ in
                pieces.randomElement(using: &random)! + (Bool.random(using: &random) ? pieces.randomElement(using: &random)! : "")
            }.joined(separator: Bool.random(using: &random) ? " " : " \\\n  "))
        }
        // bash prints each word of each command, then a marker ending the command's words.
        let marker = "@@end@@"
        let script = "set -f\n" + commands.map { "printf '%s\\0' \($0)\nprintf '%s\\0' \(marker)\n" }.joined()
        let groups = try Self.printed(by: script).split(separator: marker, omittingEmptySubsequences: false).dropLast()
        #expect(groups.count == commands.count)
        for (command, bashWords) in zip(commands, groups) {
            let tokens = try #require(ShellSyntax.tokens(command), "could not lex \(command)")
            let words = tokens.compactMap { if case .word(let word) = $0 { word } else { nil } }
            #expect(words.count == bashWords.count, "\(command)\nlexer: \(words)\nbash: \(Array(bashWords))")
            // `$(echo)` is kept as written by the lexer (nothing is run) and printed empty by
            // bash: such words are compared by count only.
            for (mine, theirs) in zip(words, bashWords) where !mine.contains("$(") {
                #expect(mine == theirs, "\(command)")
            }
        }
    }

    @Test func operatorsCommentsAndUnclosedQuotes() throws {
        let tokens = try #require(ShellSyntax.tokens("a|b && c; d # e f\ng > out"))
        #expect(tokens == [.word("a"), .operator("|"), .word("b"), .operator("&&"), .word("c"), .operator(";"),
                           .word("d"), .operator(";"), .word("g"), .operator(">"), .word("out")])
        #expect(ShellSyntax.tokens("echo 'unclosed") == nil)
        #expect(ShellSyntax.tokens("echo \"$(date\"") == nil)
        #expect(ShellSyntax.contexts("a 'b' \"c\"") == [.unquoted, .unquoted, .unquoted, .singleQuoted, .unquoted, .unquoted,
                                                       .unquoted, .doubleQuoted, .unquoted])
    }
}
