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

    /// Splits block lines into commands (backslash continuations joined) of shell words,
    /// with quotes removed and each word's position kept. A leading `$ ` or `# ` prompt is
    /// skipped; comment lines are ignored.
    static func commands(in lines: [Substring]) -> [[Token]] {
        var commands: [[Token]] = []
        var current: [Token] = []
        for (offset, rawLine) in lines.enumerated() {
            var scalars = Array((rawLine.last == "\r" ? rawLine.dropLast() : rawLine).unicodeScalars)
            var continues = false
            if let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" }), scalars[last] == "\\" {
                continues = true
                scalars.removeSubrange(last...)
            }
            var index = 0
            while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
            if current.isEmpty, index < scalars.count, scalars[index] == "#" {
                if !continues { continue }
            }
            if current.isEmpty, index + 1 < scalars.count, scalars[index] == "$", scalars[index + 1] == " " {
                index += 2
            }
            while index < scalars.count {
                while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
                guard index < scalars.count else { break }
                if scalars[index] == "#" { break }
                let start = index
                var text = String.UnicodeScalarView()
                var columns: [Int] = []
                var quote: Unicode.Scalar?
                while index < scalars.count {
                    let scalar = scalars[index]
                    if let open = quote {
                        if scalar == open { quote = nil } else if scalar == "\\", open == "\"", index + 1 < scalars.count {
                            index += 1
                            text.append(scalars[index])
                            columns.append(index + 1)
                        } else {
                            text.append(scalar)
                            columns.append(index + 1)
                        }
                    } else if scalar == "\"" || scalar == "'" {
                        quote = scalar
                    } else if scalar == " " || scalar == "\t" {
                        break
                    } else if scalar == "\\", index + 1 < scalars.count {
                        index += 1
                        text.append(scalars[index])
                        columns.append(index + 1)
                    } else {
                        text.append(scalar)
                        columns.append(index + 1)
                    }
                    index += 1
                }
                current.append(Token(text: String(text), line: offset + 1, column: start + 1, length: index - start, columns: columns))
            }
            if !continues, !current.isEmpty {
                commands.append(current)
                current = []
            }
        }
        if !current.isEmpty { commands.append(current) }
        return commands
    }
}
