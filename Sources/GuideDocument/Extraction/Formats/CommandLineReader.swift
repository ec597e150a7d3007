/// Reads command lines from a shell block and turns their options into settings:
/// `--client-id proxmox` and `--client-id=proxmox` both give the setting `client-id`.
/// `KEY=value` lines (a `.env` written as shell) are read as settings too.
enum CommandLineReader {
    /// Commands whose first positional argument (after the subcommand words) is a setting.
    /// `pveum realm add authelia --type openid` names the realm positionally.
    static let positionalSettings: [(words: [String], setting: String)] = [
        (["pveum", "realm", "add"], "realm"),
        (["pveum", "realm", "modify"], "realm"),
        (["proxmox-backup-manager", "openid", "create"], "realm"),
    ]

    struct Token {
        var text: String
        var line: Int  // 1-based within the block
        var column: Int  // 1-based scalar column within the block line
        var length: Int
        /// The source column of each scalar of `text` (quotes and escapes removed), so a value
        /// inside `--flag="value"` is located at its first character, not at the quote.
        var columns: [Int]

        /// Column and length (in the source) of `text` from scalar `start` on.
        func span(from start: Int) -> (column: Int, length: Int) {
            guard start < columns.count, let last = columns.last else { return (column + length, 1) }
            return (columns[start], last - columns[start] + 1)
        }
    }

    /// `blockIndex` is -1 for a command written in an inline code span.
    static func settings(map: BlockLineMap, blockIndex: Int) -> [AppSetting] {
        var settings: [AppSetting] = []
        for command in commands(in: map.lines) {
            guard let first = command.first else { continue }
            if command.count == 1, let (key, value) = ConfigLineReader.envAssignment(first.text[...]) {
                let valueSpan = first.span(from: first.text.unicodeScalars.count - value.unicodeScalars.count)
                settings.append(AppSetting(
                    key: map.located(String(key), line: first.line, column: first.span(from: 0).column),
                    value: map.located(String(value), line: first.line, column: valueSpan.column, length: valueSpan.length),
                    origin: .configLine(block: blockIndex)))
                continue
            }
            let words = command.map(\.text)
            let name = words.prefix { !$0.hasPrefix("-") }.prefix(3).joined(separator: " ")
            if let rule = positionalSettings.first(where: { words.starts(with: $0.words) }),
               command.count > rule.words.count, !words[rule.words.count].hasPrefix("-") {
                let token = command[rule.words.count]
                let span = token.span(from: 0)
                settings.append(AppSetting(
                    key: map.located(rule.setting, line: token.line, column: span.column, length: span.length),
                    value: map.located(token.text, line: token.line, column: span.column, length: span.length),
                    origin: .commandOption(block: blockIndex, command: name)))
            }
            var index = 0
            while index < command.count {
                let token = command[index]
                index += 1
                guard token.text.hasPrefix("--"), token.text.count > 2 else { continue }
                let flag = token.text.dropFirst(2)
                let key: Substring
                let value: String
                let valueLine: Int
                let valueSpan: (column: Int, length: Int)
                if let equals = flag.firstIndex(of: "=") {
                    key = flag[..<equals]
                    value = String(flag[flag.index(after: equals)...])
                    valueLine = token.line
                    valueSpan = token.span(from: key.unicodeScalars.count + 3)
                } else if index < command.count, !command[index].text.hasPrefix("--") {
                    key = flag
                    value = command[index].text
                    valueLine = command[index].line
                    valueSpan = command[index].span(from: 0)
                    index += 1
                } else {
                    continue
                }
                settings.append(AppSetting(
                    key: map.located(String(key), line: token.line, column: token.span(from: 2).column),
                    value: map.located(value, line: valueLine, column: valueSpan.column, length: valueSpan.length),
                    origin: .commandOption(block: blockIndex, command: name)))
            }
        }
        return settings
    }

    /// Splits block lines into commands of shell words with `ShellLexer`, the lexer render
    /// uses too (backslash continuations joined, quotes removed, operators and newlines ending
    /// a command), each word's position kept. A leading `$ ` prompt is skipped; comments are
    /// ignored.
    static func commands(in lines: [Substring]) -> [[Token]] {
        var text = String.UnicodeScalarView()
        var lineStarts: [Int] = []
        var continued = false
        for rawLine in lines {
            lineStarts.append(text.count)
            var scalars = Array((rawLine.last == "\r" ? rawLine.dropLast() : rawLine).unicodeScalars)
            // A prompt starts a command only: blanked, so columns stay those of the file.
            if !continued, let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
               first + 1 < scalars.count, scalars[first] == "$", scalars[first + 1] == " " {
                scalars[first] = " "
            }
            continued = scalars.last(where: { $0 != " " && $0 != "\t" }) == "\\"
            text.append(contentsOf: scalars)
            text.append("\n")
        }
        func place(_ offset: Int) -> (line: Int, column: Int) {
            var low = 0, high = lineStarts.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
            }
            return (low + 1, offset - lineStarts[low] + 1)
        }
        var commands: [[Token]] = []
        var current: [Token] = []
        for token in ShellLexer(String(text)).tokens {
            switch token {
            case .word(var word, var offsets, let start, var end):
                // A quote left open runs to the end of the text: the word ends with its line.
                while word.hasSuffix("\n") { word.removeLast(); offsets.removeLast(); end -= 1 }
                let (line, column) = place(start)
                let columns = offsets.map { place($0).column }
                current.append(Token(text: word, line: line, column: column, length: end - start, columns: columns))
            case .operator:
                if !current.isEmpty { commands.append(current) }
                current = []
            }
        }
        if !current.isEmpty { commands.append(current) }
        return commands
    }
}
