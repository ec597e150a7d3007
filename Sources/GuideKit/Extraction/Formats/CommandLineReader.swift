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
    }

    /// `blockIndex` is -1 for a command written in an inline code span.
    static func settings(map: BlockLineMap, blockIndex: Int) -> [AppSetting] {
        var settings: [AppSetting] = []
        for command in commands(in: map.lines) {
            guard let first = command.first else { continue }
            if command.count == 1, let (key, value) = ConfigLineReader.envAssignment(first.text[...]) {
                let keyColumn = first.column
                let valueColumn = first.column + key.unicodeScalars.count + 1
                settings.append(AppSetting(
                    key: map.located(String(key), line: first.line, column: keyColumn),
                    value: map.located(String(value), line: first.line, column: valueColumn),
                    origin: .configLine(block: blockIndex)))
                continue
            }
            let words = command.map(\.text)
            let name = words.prefix { !$0.hasPrefix("-") }.prefix(3).joined(separator: " ")
            if let rule = positionalSettings.first(where: { words.starts(with: $0.words) }),
               command.count > rule.words.count, !words[rule.words.count].hasPrefix("-") {
                let token = command[rule.words.count]
                settings.append(AppSetting(
                    key: map.located(rule.setting, line: token.line, column: token.column, length: token.length),
                    value: map.located(token.text, line: token.line, column: token.column, length: token.length),
                    origin: .commandOption(block: blockIndex, command: name)))
            }
            var index = 0
            while index < command.count {
                let token = command[index]
                index += 1
                guard token.text.hasPrefix("--"), token.text.count > 2 else { continue }
                let flag = token.text.dropFirst(2)
                let key: Substring
                let valueToken: Token
                if let equals = flag.firstIndex(of: "=") {
                    key = flag[..<equals]
                    let value = String(flag[flag.index(after: equals)...])
                    let offset = key.unicodeScalars.count + 3
                    valueToken = Token(text: value, line: token.line, column: token.column + offset,
                                       length: max(1, token.length - offset))
                } else if index < command.count, !command[index].text.hasPrefix("--") {
                    key = flag
                    valueToken = command[index]
                    index += 1
                } else {
                    continue
                }
                settings.append(AppSetting(
                    key: map.located(String(key), line: token.line, column: token.column + 2),
                    value: map.located(valueToken.text, line: valueToken.line, column: valueToken.column,
                                       length: valueToken.length),
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
                var quote: Unicode.Scalar?
                while index < scalars.count {
                    let scalar = scalars[index]
                    if let open = quote {
                        if scalar == open { quote = nil } else if scalar == "\\", open == "\"", index + 1 < scalars.count {
                            index += 1
                            text.append(scalars[index])
                        } else { text.append(scalar) }
                    } else if scalar == "\"" || scalar == "'" {
                        quote = scalar
                    } else if scalar == " " || scalar == "\t" {
                        break
                    } else if scalar == "\\", index + 1 < scalars.count {
                        index += 1
                        text.append(scalars[index])
                    } else {
                        text.append(scalar)
                    }
                    index += 1
                }
                current.append(Token(text: String(text), line: offset + 1, column: start + 1, length: index - start))
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
