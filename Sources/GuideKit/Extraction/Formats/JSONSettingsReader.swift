/// Settings from JSON (and JSON-with-comments) blocks: every `"key": "value"` pair, and
/// `"key": ["a", "b"]` arrays of strings on one line as a space-separated list. A forgiving
/// line scanner rather than a JSON parser, because guides show fragments and placeholders
/// that a strict parser would reject, and positions must stay exact.
enum JSONSettingsReader {
    static func settings(in map: BlockLineMap, blockIndex: Int) -> [AppSetting] {
        var settings: [AppSetting] = []
        for (offset, rawLine) in map.lines.enumerated() {
            let scalars = Array(rawLine.unicodeScalars)
            var index = 0
            while index < scalars.count {
                guard scalars[index] == "\"", let keyEnd = closingQuote(scalars, from: index) else { index += 1; continue }
                let key = String(scalars: scalars[(index + 1)..<keyEnd])
                var cursor = keyEnd + 1
                while cursor < scalars.count, scalars[cursor] == " " || scalars[cursor] == "\t" { cursor += 1 }
                guard cursor < scalars.count, scalars[cursor] == ":" else { index = keyEnd + 1; continue }
                cursor += 1
                while cursor < scalars.count, scalars[cursor] == " " || scalars[cursor] == "\t" { cursor += 1 }
                guard cursor < scalars.count else { break }
                let keyLocated = map.located(key, line: offset + 1, column: index + 2)
                if scalars[cursor] == "\"", let valueEnd = closingQuote(scalars, from: cursor) {
                    let value = String(scalars: scalars[(cursor + 1)..<valueEnd])
                    settings.append(AppSetting(key: keyLocated, value: map.located(value, line: offset + 1, column: cursor + 2),
                                               origin: .configLine(block: blockIndex)))
                    index = valueEnd + 1
                } else if scalars[cursor] == "[", let close = scalars[cursor...].firstIndex(of: "]") {
                    var items: [String] = []
                    var item = cursor + 1
                    while item < close {
                        if scalars[item] == "\"", let end = closingQuote(scalars, from: item), end < close {
                            items.append(String(scalars: scalars[(item + 1)..<end]))
                            item = end + 1
                        } else { item += 1 }
                    }
                    if !items.isEmpty {
                        settings.append(AppSetting(key: keyLocated,
                                                   value: map.located(items.joined(separator: " "), line: offset + 1, column: cursor + 1,
                                                                      length: close - cursor + 1),
                                                   origin: .configLine(block: blockIndex)))
                    }
                    index = close + 1
                } else {
                    let end = scalars[cursor...].firstIndex { $0 == "," || $0 == "}" || $0 == " " } ?? scalars.count
                    let value = String(scalars: scalars[cursor..<end])
                    if !value.isEmpty, value != "{", value != "[" {
                        settings.append(AppSetting(key: keyLocated, value: map.located(value, line: offset + 1, column: cursor + 1),
                                                   origin: .configLine(block: blockIndex)))
                    }
                    index = max(end, cursor + 1)
                }
            }
        }
        return settings
    }

    /// Index of the quote closing the string that opens at `start`, honouring backslashes.
    static func closingQuote(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start + 1
        while index < scalars.count {
            if scalars[index] == "\\" { index += 2; continue }
            if scalars[index] == "\"" { return index }
            index += 1
        }
        return nil
    }
}
