/// Settings from source-code configuration (PHP, Python, JavaScript, Ruby, Elixir, XML):
/// `'key' => 'value'`, `KEY = "value"`, `key: "value"`, `key="value"` and
/// `<key>value</key>`, one per line, string values only. Keys are what the application names
/// them; anything fancier (computed values, heredocs) is not read.
enum AssignmentReader {
    static func settings(in map: BlockLineMap, blockIndex: Int) -> [AppSetting] {
        var settings: [AppSetting] = []
        for (offset, rawLine) in map.lines.enumerated() {
            let scalars = Array(rawLine.unicodeScalars)
            if let xml = xmlElement(scalars) {
                settings.append(AppSetting(key: map.located(xml.key, line: offset + 1, column: xml.keyColumn),
                                           value: map.located(xml.value, line: offset + 1, column: xml.valueColumn),
                                           origin: .configLine(block: blockIndex)))
                continue
            }
            guard let assignment = assignment(scalars) else { continue }
            settings.append(AppSetting(key: map.located(assignment.key, line: offset + 1, column: assignment.keyColumn),
                                       value: map.located(assignment.value, line: offset + 1, column: assignment.valueColumn),
                                       origin: .configLine(block: blockIndex)))
        }
        return settings
    }

    private static func isKeyCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCIIAlphanumeric || scalar == "_" || scalar == "-" || scalar == "."
    }

    /// KEY (optionally quoted) then `=>`, `=`, `:` or `,` (Elixir keyword), then a quoted value.
    static func assignment(_ s: [Unicode.Scalar]) -> (key: String, keyColumn: Int, value: String, valueColumn: Int)? {
        var i = 0
        while i < s.count, s[i] == " " || s[i] == "\t" { i += 1 }
        // Skip declarations such as `$CONFIG['x']`, `config.x =`, `export`, `define(`.
        for prefix in ["export ", "define(", "const ", "let ", "var "] where s[i...].starts(with: prefix.unicodeScalars) {
            i += prefix.unicodeScalars.count
        }
        var quote: Unicode.Scalar?
        if i < s.count, s[i] == "'" || s[i] == "\"" || s[i] == ":" { quote = s[i] == ":" ? nil : s[i]; i += 1 }
        let keyStart = i
        while i < s.count, isKeyCharacter(s[i]) { i += 1 }
        guard i > keyStart else { return nil }
        let key = String(scalars: s[keyStart..<i])
        if let quote { guard i < s.count, s[i] == quote else { return nil }; i += 1 }
        while i < s.count, s[i] == " " || s[i] == "\t" { i += 1 }
        guard i < s.count else { return nil }
        if s[i] == "=", i + 1 < s.count, s[i + 1] == ">" { i += 2 } else if s[i] == "=" || s[i] == ":" || s[i] == "," { i += 1 } else { return nil }
        while i < s.count, s[i] == " " || s[i] == "\t" { i += 1 }
        guard i < s.count, s[i] == "'" || s[i] == "\"" else { return nil }
        let valueQuote = s[i]
        let valueStart = i + 1
        guard let end = s[valueStart...].firstIndex(of: valueQuote) else { return nil }
        return (key, keyStart + 1, String(scalars: s[valueStart..<end]), valueStart + 1)
    }

    static func xmlElement(_ s: [Unicode.Scalar]) -> (key: String, keyColumn: Int, value: String, valueColumn: Int)? {
        guard let open = s.firstIndex(of: "<"), open + 1 < s.count, s[open + 1] != "/",
              let close = s[open...].firstIndex(of: ">") else { return nil }
        let name = String(scalars: s[(open + 1)..<close])
        guard !name.isEmpty, name.unicodeScalars.allSatisfy(isKeyCharacter) else { return nil }
        let valueStart = close + 1
        let closing = Array("</\(name)>".unicodeScalars)
        var end = valueStart
        while end + closing.count <= s.count, !s[end..<(end + closing.count)].elementsEqual(closing) { end += 1 }
        guard end + closing.count <= s.count, end > valueStart else { return nil }
        return (name, open + 2, String(scalars: s[valueStart..<end]), valueStart + 1)
    }
}
