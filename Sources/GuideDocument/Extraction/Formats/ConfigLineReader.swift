/// Reads settings from an `app-settings` block, one per line:
/// `Key: value`, `KEY=value` (optionally `export KEY=value`, values optionally quoted), or,
/// with `format="domains.cfg"`, Proxmox's section format (`openid: REALM` then `<tab>key value`).
package enum ConfigLineReader {
    static func settings(in block: CodeBlock, map: BlockLineMap, blockIndex: Int) -> [AppSetting] {
        let domainsCfg = block.info.value(of: "format") == "domains.cfg"
        var settings: [AppSetting] = []
        for (offset, rawLine) in map.lines.enumerated() {
            let line = rawLine.last == "\r" ? rawLine.dropLast() : rawLine
            let trimmed = line.trimmingSpaces()
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#"), !trimmed.hasPrefix("//"), !trimmed.hasPrefix(";") else { continue }
            let parsed: (key: Substring, value: Substring)?
            if domainsCfg {
                let indented = line.first == " " || line.first == "\t"
                parsed = indented ? splitOnce(trimmed, separator: " ") : sectionHeader(trimmed)
            } else {
                parsed = envAssignment(trimmed) ?? splitOnce(trimmed, separator: ":")
            }
            guard let (key, value) = parsed, !key.isEmpty, !value.isEmpty else { continue }
            let keyColumn = column(of: key, in: line)
            let valueColumn = column(of: value, in: line)
            settings.append(AppSetting(
                key: map.located(String(key), line: offset + 1, column: keyColumn),
                value: map.located(String(value), line: offset + 1, column: valueColumn),
                origin: .configLine(block: blockIndex)))
        }
        return settings
    }

    /// `openid: authelia` → the realm.
    private static func sectionHeader(_ line: Substring) -> (Substring, Substring)? {
        guard let (_, id) = splitOnce(line, separator: ":") else { return nil }
        return ("realm"[...], id)
    }

    /// `KEY=value`, `export KEY=value`, quotes around the value removed.
    static func envAssignment(_ line: Substring) -> (Substring, Substring)? {
        var line = line
        if line.utf8.starts(with: "export ".utf8) { line = line.dropFirst(7).trimmingSpaces() }
        // The '=' byte, confirmed as a whole Character ('=' with a combining mark is not one):
        // a byte search, where a Character search was most of this function's cost.
        let byteEquals = line.utf8.firstIndex(of: UInt8(ascii: "="))
        guard let equals = byteEquals.flatMap({ line[$0...].first == "=" ? $0 : nil }) ?? line.firstIndex(of: "="),
              equals > line.startIndex else { return nil }
        let key = line[..<equals]
        guard isKey(key) else { return nil }
        return (key, dotenvValue(line[line.index(after: equals)...].trimmingSpaces()))
    }

    /// Letters, digits, `_`, `.` and `-`: bytes for an ASCII key, Character properties otherwise.
    private static func isKey(_ key: Substring) -> Bool {
        if key.utf8.allSatisfy({ $0 < 0x80 }) {
            return key.utf8.allSatisfy { byte in
                (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57)
                    || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
            }
        }
        return key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "-" }
    }

    /// The value of `KEY=value` as a shell or a `.env` reader takes it: a quoted value up to
    /// its closing quote, an unquoted one up to a ` #` comment (Docker Compose's `.env`
    /// syntax, https://docs.docker.com/compose/how-tos/environment-variables/variable-interpolation/#env-file-syntax,
    /// and POSIX sh agree on both).
    static func dotenvValue(_ raw: Substring) -> Substring {
        if let quote = raw.first, quote == "\"" || quote == "'" {
            let body = raw.index(after: raw.startIndex)
            guard let close = raw[body...].firstIndex(of: quote) else { return raw }
            let rest = raw[raw.index(after: close)...].trimmingSpaces()
            return rest.isEmpty || rest.hasPrefix("#") ? raw[body..<close] : raw
        }
        for comment in [" #", "\t#"] {
            if let start = raw.literalRange(of: comment) { return raw[..<start.lowerBound].trimmingSpaces() }
        }
        return raw
    }

    static func splitOnce(_ line: Substring, separator: Character) -> (Substring, Substring)? {
        guard let index = line.firstIndex(of: separator) else { return nil }
        let key = line[..<index].trimmingSpaces()
        let value = unquote(line[line.index(after: index)...].trimmingSpaces())
        return (key, value)
    }

    /// A value as written in any format, without surrounding spaces and one pair of quotes.
    package static func unquoted(_ value: String) -> String {
        String(unquote(Substring(value).trimmingSpaces()))
    }

    static func unquote(_ value: Substring) -> Substring {
        guard value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first else {
            return value
        }
        return value.dropFirst().dropLast()
    }

    /// 1-based scalar column of a substring that was sliced out of `line`.
    static func column(of part: Substring, in line: Substring) -> Int {
        guard part.startIndex >= line.startIndex, part.startIndex <= line.endIndex,
              part.base == line.base else { return 1 }
        return line.scalarDistance(from: line.startIndex, to: part.startIndex) + 1
    }
}
