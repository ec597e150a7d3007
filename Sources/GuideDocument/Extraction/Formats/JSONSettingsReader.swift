/// Settings from JSON (and JSON-with-comments) blocks: every `"key": "value"` pair, and
/// `"key": ["a", "b"]` arrays of strings on one line as a space-separated list. A forgiving
/// line scanner rather than a JSON parser, because guides show fragments and placeholders
/// that a strict parser would reject, and positions must stay exact.
enum JSONSettingsReader {
    static func settings(in map: BlockLineMap, blockIndex: Int) -> [AppSetting] {
        var settings: [AppSetting] = []
        for (offset, rawLine) in map.lines.enumerated() {
            settings += pairs(in: Array(rawLine.unicodeScalars), origin: .configLine(block: blockIndex), container: nil) { text, column, length in
                map.located(text, line: offset + 1, column: column, length: length)
            }
        }
        return settings
    }

    /// Settings from JSON written inside other settings' values, on one line (Paperless-ngx's
    /// `PAPERLESS_SOCIALACCOUNT_PROVIDERS={"openid_connect":{…"provider_id":"authelia"…}}` in a
    /// `.env` file or a compose file), each at its own place in the guide. A value is read only
    /// where it is written verbatim on its line (no YAML escapes between), so positions stay
    /// exact.
    static func embeddedSettings(in settings: [AppSetting], map: BlockLineMap) -> [AppSetting] {
        var found: [AppSetting] = []
        for setting in settings {
            let value = setting.value.value
            guard value.hasPrefix("{"), value.hasSuffix("}"), value.containsLiteral("\":") else { continue }
            let blockLine = setting.value.location.line - map.firstLine + 1
            guard blockLine >= 1, blockLine <= map.lines.count,
                  let range = map.lines[blockLine - 1].literalRange(of: value) else { continue }
            let line = map.lines[blockLine - 1]
            let start = line.scalarDistance(from: line.startIndex, to: range.lowerBound)  // scalars before the value
            found += pairs(in: Array(value.unicodeScalars), origin: setting.origin, container: setting.key.value) { text, column, length in
                map.located(text, line: blockLine, column: start + column, length: length)
            }
        }
        return found
    }

    /// The `"key": value` pairs of one line of JSON; `locate` places a text found at a 1-based
    /// column of the line (with its length when it differs from the text's).
    private static func pairs(in scalars: [Unicode.Scalar], origin: AppSetting.Origin, container: String?,
                              locate: (String, Int, Int?) -> Located<String>) -> [AppSetting] {
        var settings: [AppSetting] = []
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
            let keyLocated = locate(key, index + 2, nil)
            // An object, or a list of objects, on the same line (minified JSON): its pairs are
            // read as the scan goes on.
            var inner = cursor + 1
            while inner < scalars.count, scalars[inner] == " " { inner += 1 }
            if scalars[cursor] == "{" || (scalars[cursor] == "[" && inner < scalars.count && scalars[inner] == "{") {
                index = cursor + 1
                continue
            }
            if scalars[cursor] == "\"", let valueEnd = closingQuote(scalars, from: cursor) {
                let value = String(scalars: scalars[(cursor + 1)..<valueEnd])
                settings.append(AppSetting(key: keyLocated, value: locate(value, cursor + 2, nil), origin: origin, container: container))
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
                    settings.append(AppSetting(key: keyLocated, value: locate(items.joined(separator: " "), cursor + 1, close - cursor + 1),
                                               origin: origin, container: container))
                }
                index = close + 1
            } else {
                let end = scalars[cursor...].firstIndex { $0 == "," || $0 == "}" || $0 == " " } ?? scalars.count
                let value = String(scalars: scalars[cursor..<end])
                if !value.isEmpty, value != "{", value != "[" {
                    settings.append(AppSetting(key: keyLocated, value: locate(value, cursor + 1, nil), origin: origin, container: container))
                }
                index = max(end, cursor + 1)
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
