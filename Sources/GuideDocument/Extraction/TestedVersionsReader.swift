/// Reads a guide's "Tested Versions" section (any heading level, up to the next heading):
/// which products the guide was tested with, and which releases. Line by line: the section is
/// a plain list in every layout seen (GuideKit's one-line items, upstream's nested items).
enum TestedVersionsReader {
    static func read(_ source: PreparedSource, headings: [Heading]) -> [TestedVersion] {
        // The section is found among the headings cmark already read; its lines are the
        // source's own (no second pass over the text).
        guard let index = headings.firstIndex(where: { $0.text.lowercased().hasPrefix("tested version") }) else { return [] }
        let first = headings[index].location.line + 1
        let end = index + 1 < headings.count ? headings[index + 1].location.line : source.lineCount + 1
        var result: [TestedVersion] = []
        var current: TestedVersion?
        for number in first..<max(first, end) {
            let line = source.originalLine(number)
            let indent = line.prefix { $0 == " " }.count
            let rest = line.dropFirst(indent)
            guard rest.hasPrefix("- ") || rest.hasPrefix("* ") else { continue }
            let item = rest.dropFirst(2)
            let column = indent + 3
            if indent < 2 {
                if let current { result.append(current) }
                let text = plainText(item)
                // `Authelia v4.39`, `Proxmox VE 8.4 and 9.x`: the product is the words before
                // the first release number.
                let words = text.split(separator: " ")
                if let first = words.firstIndex(where: isRelease) {
                    let product = words[..<first].joined(separator: " ")
                    var versions: [Located<String>] = []
                    for word in words[first...] where isRelease(word) {
                        let offset = text.distance(from: text.startIndex, to: word.startIndex)
                        versions.append(Located(String(word), at: SourceLocation(line: number, column: column + offset)))
                    }
                    current = TestedVersion(product: product, versions: versions)
                } else {
                    current = TestedVersion(product: text, versions: [])
                }
            } else if current != nil {
                let text = plainText(item)
                if let word = text.split(separator: " ").first(where: isRelease) {
                    current!.versions.append(Located(String(word), at: SourceLocation(line: number, column: column)))
                }
            }
        }
        if let current { result.append(current) }
        return result.filter { !$0.product.isEmpty }
    }

    /// `v4.38.0`, `4.39`, `9.x`, `8.3.1-ls12`: starts with a digit, or `v` and a digit.
    static func isRelease(_ word: Substring) -> Bool {
        var scalars = word.unicodeScalars[...]
        if scalars.first == "v" || scalars.first == "V" { scalars = scalars.dropFirst() }
        guard let first = scalars.first else { return false }
        return ("0"..."9").contains(first)
    }

    /// `[v4.38.0](https://…)` → `v4.38.0`, `[Authelia]` → `Authelia`, trailing commas dropped.
    static func plainText(_ item: Substring) -> String {
        var text = ""
        var index = item.startIndex
        while index < item.endIndex {
            let character = item[index]
            if character == "(", text.hasSuffix("]"), let close = item[index...].firstIndex(of: ")") {
                index = item.index(after: close)
                continue
            }
            text.append(character)
            index = item.index(after: index)
        }
        return text.replacingOccurrences(of: "[", with: "").replacingOccurrences(of: "]", with: "")
            .replacingOccurrences(of: "`", with: "").replacingOccurrences(of: ",", with: " ")
            .split(separator: " ").joined(separator: " ")
    }
}
