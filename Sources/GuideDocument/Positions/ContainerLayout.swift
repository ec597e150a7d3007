/// Containers of other documentation stacks, unwrapped for cmark, line by line.
///
/// Guides published with MkDocs Material put code blocks in content tabs (`=== "Docker"`)
/// and admonitions (`!!! note`, `??? example`), their bodies indented by four spaces; MDX
/// (Docusaurus) puts them in `<Tabs>`/`<TabItem>` elements, and plain Markdown in HTML
/// `<details>`. CommonMark reads an indented body as an indented code block and an element's
/// body, up to the next blank line, as raw HTML: the YAML inside is never seen as YAML.
///
/// The unwrapping keeps every line where it is (so line numbers stay the file's): a line that
/// only opens or closes a container is blanked, and each body line loses the container's
/// indentation. `PreparedSource` maps columns back through the removed indentation, so
/// findings point at the file as written. The rendered HTML page loses nothing by it: raw HTML
/// is omitted from the page anyway, and a marker line holds no content of its own.
package enum ContainerLayout {
    /// What happens to one line (0-based index) for cmark.
    package enum Change: Equatable, Sendable {
        case blank
        /// This many leading scalars removed (spaces, or a tab counted as one scalar).
        case dedent(Int)
    }

    /// Elements whose opening and closing tags, alone on a line, are unwrapped. JSX names are
    /// case-sensitive (`Tabs`, `TabItem` from Docusaurus, `Tab` from Nextra and others).
    static let elementNames: Set<Substring> = ["Tabs", "TabItem", "Tab", "details"]

    /// Whether the text may hold a container at all (one pass; most guides hold none).
    static func mayContainContainers(_ text: String) -> Bool {
        text.containsLiteral("===") || text.containsLiteral("!!!") || text.containsLiteral("???")
            || text.containsLiteral("<Tab") || text.containsLiteral("<details")
    }

    private struct Container {
        /// Columns a body line loses (its container's indentation); nil until the body's first
        /// non-blank line fixes it, for elements.
        var bodyIndent: Int?
        /// The element name that closes it; nil for an indentation container (MkDocs).
        var element: Substring?
    }

    private struct Fence {
        var marker: UInt8
        var length: Int
        /// The container depth the fence was opened at: it ends with that container.
        var depth: Int
    }

    /// Deepest nesting followed; deeper containers are left as cmark reads them (hostile input
    /// must stay linear).
    static let maximumDepth = 32

    /// The changes for the lines, indexed by line (0-based); empty when nothing changes.
    package static func changes(for lines: [Substring]) -> [Change?] {
        var changes: [Change?] = []
        var stack: [Container] = []
        var fence: Fence?
        func record(_ index: Int, _ change: Change) {
            if changes.isEmpty { changes = Array(repeating: nil, count: lines.count) }
            changes[index] = change
        }
        for (index, line) in lines.enumerated() {
            let (columns, scalars) = indentation(of: line)
            let bytes = line.utf8
            let isBlank = scalars == line.unicodeScalars.count || (bytes.last == 0x0D && scalars == line.unicodeScalars.count - 1)
            if isBlank {
                // Inside a fenced block of a container, a whitespace-only line is content (a
                // YAML literal block keeps it): it loses the container's indentation too.
                if fence != nil, let body = stack.last?.bodyIndent, body > 0, scalars > 0 {
                    let removed = scalarsCovering(columns: min(body, columns), in: line)
                    if removed > 0 { record(index, .dedent(removed)) }
                }
                continue
            }
            // An indented body ends at the first line indented less than it.
            while let top = stack.last, top.element == nil, let body = top.bodyIndent, columns < body {
                stack.removeLast()
                if let open = fence, open.depth > stack.count { fence = nil }
            }
            if var top = stack.last, top.bodyIndent == nil {
                top.bodyIndent = columns
                stack[stack.count - 1] = top
            }
            let dedent = min(stack.last?.bodyIndent ?? 0, columns)
            let removed = dedent == columns ? scalars : scalarsCovering(columns: dedent, in: line)
            let relative = columns - dedent
            let content = line.unicodeScalars.dropFirst(scalars)
            if let open = fence {
                if relative <= 3, isClosingFence(content, open) { fence = nil }
                if removed > 0 { record(index, .dedent(removed)) }
                continue
            }
            if relative <= 3, let opened = openingFence(content) {
                fence = Fence(marker: opened.marker, length: opened.length, depth: stack.count)
                if removed > 0 { record(index, .dedent(removed)) }
                continue
            }
            if relative <= 3, isIndentedContainerMarker(content) {
                record(index, .blank)
                if stack.count < maximumDepth { stack.append(Container(bodyIndent: columns + 4, element: nil)) }
                continue
            }
            if relative <= 3, let tag = elementTag(content) {
                record(index, .blank)
                if tag.closing {
                    if let match = stack.lastIndex(where: { $0.element == tag.name }) { stack.removeSubrange(match...) }
                } else if stack.count < maximumDepth {
                    stack.append(Container(bodyIndent: nil, element: tag.name))
                }
                continue
            }
            if relative <= 3, isSummaryLine(content) {
                record(index, .blank)
                continue
            }
            if removed > 0 { record(index, .dedent(removed)) }
        }
        return changes
    }

    /// Leading whitespace as (columns, scalars): a tab advances to the next multiple of four.
    static func indentation(of line: Substring) -> (columns: Int, scalars: Int) {
        var columns = 0, scalars = 0
        for byte in line.utf8 {
            if byte == 0x20 { columns += 1 } else if byte == 0x09 { columns += 4 - columns % 4 } else { break }
            scalars += 1
        }
        return (columns, scalars)
    }

    /// How many leading whitespace scalars make up at least `columns` columns.
    private static func scalarsCovering(columns wanted: Int, in line: Substring) -> Int {
        var columns = 0, scalars = 0
        for byte in line.utf8 where columns < wanted {
            if byte == 0x20 { columns += 1 } else if byte == 0x09 { columns += 4 - columns % 4 } else { break }
            scalars += 1
        }
        return scalars
    }

    private static func openingFence(_ content: Substring.UnicodeScalarView.SubSequence) -> (marker: UInt8, length: Int)? {
        guard let first = content.first, first == "`" || first == "~" else { return nil }
        let length = content.prefix { $0 == first }.count
        guard length >= 3 else { return nil }
        // A backtick fence's info string may not hold a backtick (CommonMark 4.5).
        if first == "`", content.dropFirst(length).contains("`") { return nil }
        return (UInt8(first.value), length)
    }

    private static func isClosingFence(_ content: Substring.UnicodeScalarView.SubSequence, _ fence: Fence) -> Bool {
        let length = content.prefix { $0.value == UInt32(fence.marker) }.count
        return length >= fence.length && content.dropFirst(length).allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" }
    }

    /// `=== "Docker"`, `===+ "Tab"`, `!!! note`, `!!! warning "Title"`, `??? example`,
    /// `???+ note "Open"` (MkDocs Material / pymdown-extensions tabbed, admonition, details).
    static func isIndentedContainerMarker(_ content: Substring.UnicodeScalarView.SubSequence) -> Bool {
        let markers: [String] = ["===", "!!!", "???"]
        guard let marker = markers.first(where: { content.starts(with: $0.unicodeScalars) }) else { return false }
        var rest = content.dropFirst(3)
        if rest.first == "+" { rest = rest.dropFirst() }
        guard rest.first == " " || rest.first == "\t" else { return false }
        let words = String(String(String.UnicodeScalarView(rest)).trimmingSpaces())
        guard !words.isEmpty else { return false }
        // A tab needs its quoted title; an admonition starts with its type (a word).
        if marker == "===" { return words.hasPrefix("\"") && words.hasSuffix("\"") && words.count >= 2 }
        return words.first.map { $0.isLetter || $0 == "\"" } ?? false
    }

    /// `<TabItem value="a" label="A">`, `</TabItem>`, `<details open>`, `</details>` alone on
    /// their line.
    static func elementTag(_ content: Substring.UnicodeScalarView.SubSequence) -> (name: Substring, closing: Bool)? {
        let text = String(String.UnicodeScalarView(content)).trimmingSpaces()
        guard text.hasPrefix("<"), text.hasSuffix(">"), !text.hasSuffix("/>") else { return nil }
        var inner = text.dropFirst().dropLast()
        let closing = inner.first == "/"
        if closing { inner = inner.dropFirst() }
        let name = inner.prefix { $0.isLetter || $0.isNumber }
        guard elementNames.contains(name) else { return nil }
        let rest = inner.dropFirst(name.count)
        if closing { return rest.allSatisfy { $0 == " " } ? (name, true) : nil }
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        // One element per line: a second tag on it is content, not a container.
        guard !rest.contains("<"), !rest.contains(">") else { return nil }
        return (name, false)
    }

    /// `<summary>Title</summary>`: a details element's title line.
    private static func isSummaryLine(_ content: Substring.UnicodeScalarView.SubSequence) -> Bool {
        let text = String(String.UnicodeScalarView(content)).trimmingSpaces()
        return text.hasPrefix("<summary") && text.hasSuffix("</summary>")
    }
}
