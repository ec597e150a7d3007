import CMarkBridge

/// Reads `Label: value` list items, the form both assumptions and GUI settings take:
/// `- __Client ID:__ \`proxmox\``, `- **Realm** \`authelia\``, `- Issuer URL: \`https://…\``,
/// `- Client ID: proxmox` (plain value).
///
/// cmark 0.30 gives inline nodes no positions, so the label and the value are found again in
/// the paragraph's source lines, left to right, which gives exact columns.
struct ListItemReader {
    let document: MarkdownDocument
    let source: PreparedSource

    struct Item {
        var label: Located<String>
        var value: Located<String>?
        /// Whether the value was written as a code span (GUI settings require one).
        var valueIsCode: Bool
    }

    /// Reads the item at `itemIndex`; `nil` when its first block is not a paragraph.
    func read(itemIndex: Int) -> Item? {
        guard let paragraph = document.children(of: itemIndex).first,
              document.nodes[paragraph].kind == .paragraph else { return nil }
        let inlines = document.children(of: paragraph)
        guard let first = inlines.first else { return nil }

        var labelText: String
        var rest: ArraySlice<Int>
        var valueText: String?
        var valueIsCode = false
        var listSpans: [String] = []
        if document.nodes[first].kind == .strong || document.nodes[first].kind == .emphasis {
            labelText = document.plainText(of: first)
            rest = inlines.dropFirst()
        } else {
            // Plain label: the text before the first colon, which must come before any code span.
            var prefix = ""
            var consumed = 0
            for index in inlines {
                let node = document.nodes[index]
                guard node.kind == .text || node.kind == .softBreak else { break }
                prefix += node.kind == .text ? (node.literal ?? "") : " "
                consumed += 1
                if prefix.containsLiteral(":") { break }
            }
            if let colon = prefix.literalRange(of: ":")?.lowerBound {
                labelText = String(prefix[..<colon])
                let after = String(prefix[prefix.index(after: colon)...]).trimmingSpaces()
                rest = inlines.dropFirst(consumed)
                if !after.isEmpty { valueText = String(after) }
            } else if inlines.count == 2, document.nodes[inlines[1]].kind == .code, Self.isTitleCaseLabel(prefix) {
                // `Username Claim \`preferred_username\``: a field name in Title Case, then its
                // value as the item's only code span (Authelia's guides until 2023).
                labelText = prefix
                rest = inlines.dropFirst()
            } else {
                return nil
            }
        }
        labelText = String(labelText.trimmingSpaces())
        if labelText.hasSuffix(":") { labelText = String(labelText.dropLast()).trimmingSpaces().description }
        guard !labelText.isEmpty else { return nil }

        if let code = rest.first(where: { document.nodes[$0].kind == .code }) {
            // A code span wins over plain text when the value starts with it.
            let leading = rest.prefix { $0 != code }.map { document.nodes[$0] }
            let leadingText = leading.map { $0.kind == .text ? ($0.literal ?? "") : " " }.joined()
            if valueText == nil, leadingText.trimmingSpaces().isEmpty || leadingText.trimmingSpaces() == ":" {
                valueText = document.nodes[code].literal ?? ""
                valueIsCode = true
                listSpans = scopeSpans(after: code, in: rest, label: labelText)
            }
        }
        if valueText == nil {
            let remainder = rest.map { document.plainText(ofInline: $0) }.joined().trimmingSpaces()
            let cleaned = remainder.hasPrefix(":") ? remainder.dropFirst().trimmingSpaces() : remainder
            if !cleaned.isEmpty { valueText = String(cleaned) }
        }

        let node = document.nodes[paragraph]
        let lines = node.startLine...max(node.startLine, node.endLine)
        let startColumn = source.scalarColumn(inResolvedLine: node.startLine, byteColumn: node.startByteColumn)
        var cursor = (line: node.startLine, column: startColumn)
        let label = find(labelText, in: lines, from: &cursor)
            ?? Located(labelText, at: source.location(line: node.startLine, resolvedColumn: startColumn),
                       length: labelText.unicodeScalars.count)
        var value = valueText.map { text in find(text, in: lines, from: &cursor) ?? Located(text, at: label.location) }
        // `Scopes: \`openid\` \`profile\` \`email\``: one value, the spans joined by spaces,
        // spanning from the first to the last on the line.
        if let first = value, !listSpans.isEmpty {
            var end = (line: first.location.line, column: first.location.column + first.length)
            for span in listSpans {
                if let found = find(span, in: lines, from: &cursor), found.location.line == first.location.line {
                    end = (found.location.line, found.location.column + found.length)
                }
            }
            let joined = ([first.value] + listSpans).joined(separator: " ")
            value = Located(joined, at: first.location, length: end.line == first.location.line ? end.column - first.location.column : first.length)
        }
        return Item(label: label, value: value, valueIsCode: valueIsCode)
    }

    /// Two to six words, each starting with a capital letter: a field's name, not a sentence
    /// ("Username Claim", not "Run" or "Restart the service").
    static func isTitleCaseLabel(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        return (2...6).contains(words.count) && words.allSatisfy { $0.first?.isUppercase == true }
    }

    /// For a scope setting, the code spans after the first one when the value is a list of
    /// spans separated only by spaces or commas; empty otherwise.
    private func scopeSpans(after code: Int, in rest: ArraySlice<Int>, label: String) -> [String] {
        guard let position = rest.firstIndex(of: code),
              // Most items have one code span: only a second one makes the label worth reading.
              rest[(position + 1)...].contains(where: { document.nodes[$0].kind == .code }) else { return [] }
        switch SettingMeaning(words: SettingMeaning.words(label)) {
        case .scopes?, .additionalScopes?: break
        default: return []
        }
        var spans: [String] = []
        for index in rest[(position + 1)...] {
            let node = document.nodes[index]
            switch node.kind {
            case .code: spans.append(node.literal ?? "")
            case .text where (node.literal ?? "").allSatisfy({ $0 == " " || $0 == "," }): continue
            case .softBreak: continue
            default: return spans
            }
        }
        return spans
    }

    private func find(_ needle: String, in lines: ClosedRange<Int>, from cursor: inout (line: Int, column: Int)) -> Located<String>? {
        InlineLocator(source: source).find(needle, in: lines, from: &cursor)
    }
}

extension MarkdownDocument {
    /// Plain text of an inline node including itself (text and code literals, breaks as spaces).
    func plainText(ofInline index: Int) -> String {
        let node = nodes[index]
        switch node.kind {
        case .text, .code: return node.literal ?? ""
        case .softBreak, .lineBreak: return " "
        default: return plainText(of: index)
        }
    }
}
