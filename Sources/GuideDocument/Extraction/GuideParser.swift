import CMarkBridge

/// Builds a `Guide` from a file's text: the one entry point from text to model.
public enum GuideParser {
    /// - Parameters:
    ///   - html: also keep cmark's HTML of the same parse (`Guide.html`), for `render`.
    ///   - resolvingShortcodes: parse the text with `sitevar` shortcodes replaced by their
    ///     defaults — the text `render` edits, so positions are in that text.
    public static func parse(path: String, text: String, html: Bool = false, resolvingShortcodes: Bool) -> Guide {
        guard resolvingShortcodes else { return parse(path: path, text: text, html: html) }
        return parse(path: path, text: PreparedSource(path: path, text: text).resolvedTextWithFrontMatter, html: html)
    }

    public static func parse(path: String, text: String, html: Bool = false) -> Guide {
        ParseLog.shared.record(path)
        let source = PreparedSource(path: path, text: text)
        let (document, tree) = CMarkParser.parse(source.resolvedText, keepingTree: html)
        var guide = Guide(path: path, source: source, frontMatter: nil, title: nil, assumptionsHeading: nil,
                          headings: [], codeSpans: [], assumptions: [], codeBlocks: [], settings: [], clients: [])
        readFrontMatter(into: &guide)

        let items = ListItemReader(document: document, source: source)
        let tables = PipeTableReader(source: source)
        // The open headings; `application` marks the application's steps: an "Application"
        // heading, or a section the application's steps link to by anchor ("there is one
        // method, using the [Configuration File](#configuration-file)").
        var headings: [(level: Int, text: String, application: Bool)] = []
        var applicationAnchors = Set<String>()
        var blockMaps: [BlockLineMap] = []
        // Lists (by node index) read as assumptions, and the last paragraph since the last
        // heading that announced them ("This example makes the following assumptions:").
        var assumptionLists = Set<Int>()
        var announcement: (parent: Int?, line: Int)?

        for (index, node) in document.nodes.enumerated() {
            switch node.kind {
            case .heading(let level):
                let text = document.plainText(of: index).trimmingSpaces().lowercased()
                while let last = headings.last, last.level >= level { headings.removeLast() }
                headings.append((level, String(text), isApplicationHeading(text) || applicationAnchors.contains(Heading.slug(String(text)))))
                if guide.title == nil, level == 1 { guide.title = document.plainText(of: index) }
                let column = source.scalarColumn(inResolvedLine: node.startLine, byteColumn: node.startByteColumn)
                let location = source.location(line: node.startLine, resolvedColumn: column)
                guide.headings.append(Heading(level: level, text: document.plainText(of: index), location: location))
                if Self.mentionsAssumptions(text), guide.assumptionsHeading == nil { guide.assumptionsHeading = location }
                if isApplicationHeading(text), guide.applicationHeading == nil { guide.applicationHeading = location }
                announcement = nil
                guide.codeSpans += codeSpans(in: index, document: document, source: source).map(\.span)
            case .paragraph:
                let spans = codeSpans(in: index, document: document, source: source)
                guide.codeSpans += spans.map(\.span)
                let links = linkDestinations(in: index, document: document, source: source)
                guide.links += links
                let inApplication = headings.contains { $0.application }
                if inApplication {
                    for link in links where link.value.hasPrefix("#") { applicationAnchors.insert(String(link.value.dropFirst())) }
                }
                if inApplication {
                    guide.settings += inlineCommandSettings(spans, source: source)
                }
                let lines = node.startLine...max(node.startLine, node.endLine)
                if source.resolvedLineSlice(node.startLine).utf8.contains(UInt8(ascii: "|")), let rows = tables.read(lines: lines) {
                    let announced = announcement.map { $0.parent == node.parent } ?? false
                    let asAssumptions = (headings.last.map { Self.mentionsAssumptions($0.text) } ?? false) || announced
                        || (!inApplication && rows.contains { Self.namesRootURL($0.label.value) })
                    for row in rows {
                        if asAssumptions { guide.assumptions.append(assumption(from: row)) } else if inApplication { addSetting(row, to: &guide) }
                    }
                    announcement = nil
                } else if Self.announcesAssumptions(document.plainText(of: index)) {
                    announcement = (node.parent, node.startLine)
                }
            case .list:
                // A top-level list is an assumptions list under an assumptions heading, after a
                // sentence announcing them, or (outside the application's steps) when it names
                // a root URL, which only assumptions do.
                guard let parent = node.parent, document.nodes[parent].kind != .item else { break }
                let announced = announcement.map { $0.parent == parent } ?? false
                let underHeading = headings.last.map { Self.mentionsAssumptions($0.text) } ?? false
                let inApplication = headings.contains { $0.application }
                if underHeading || announced
                    || (!inApplication && document.children(of: index).contains { item in
                        items.read(itemIndex: item).map { Self.namesRootURL($0.label.value) } ?? false }) {
                    assumptionLists.insert(index)
                }
                announcement = nil
            case .item:
                if let list = node.parent, assumptionLists.contains(list) {
                    if let item = items.read(itemIndex: index) { guide.assumptions.append(assumption(from: item)) }
                } else if headings.contains(where: { $0.application }),
                          let item = items.read(itemIndex: index) {
                    addSetting(item, to: &guide)
                }
            case .htmlBlock:
                if let literal = node.literal, literal.containsLiteral("guidekit-"), let body = Suppression.commentBody(literal) {
                    let column = source.scalarColumn(inResolvedLine: node.startLine, byteColumn: node.startByteColumn)
                    let location = source.location(line: node.startLine, resolvedColumn: column)
                    switch Suppression.directive(in: body) {
                    case .suppression(let scope, let rules, let reason)?:
                        let next = document.nodes[node.subtreeEnd...].first { $0.isBlock && $0.kind != .htmlBlock }
                        // The comment's last line, from its own text: cmark 0.30 reports an HTML
                        // block's end line wrongly (before its start).
                        let end = node.startLine + literal.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } - (literal.hasSuffix("\n") ? 1 : 0)
                        let lines: ClosedRange<Int>? = switch scope {
                        case .nextBlock: next.map { $0.startLine...max($0.startLine, $0.endLine) }
                        case .nextLine: (end + 1)...(end + 1)
                        case .file: 1...Int.max
                        }
                        guide.suppressions.append(Suppression(scope: scope, rules: rules, reason: reason, location: location, lines: lines))
                    case .unknown(let name)?:
                        guide.unknownDirectives.append(Located(name, at: location, length: 4))
                    case nil:
                        break
                    }
                }
            case .codeBlock:
                announcement = nil  // an announcement introduces the list or table right after it
                let inApplication = headings.contains { $0.application }
                let (block, map) = CodeBlockReader.read(node, source: source, inApplicationSection: inApplication)
                guide.codeBlocks.append(block)
                blockMaps.append(map)
            default:
                break
            }
        }

        guide.linkDefinitions = referenceDefinitions(in: source, document: document, codeBlocks: guide.codeBlocks)

        for (blockIndex, block) in guide.codeBlocks.enumerated() {
            let map = blockMaps[blockIndex]
            // Only blocks GuideKit reads can have findings to silence (a Markdown example in a
            // `markdown` block is text, its directives are the example's).
            if block.role != nil, block.role != .ignore, block.content.containsLiteral("guidekit-") { readDirectives(in: map, into: &guide) }
            switch block.role {
            case .autheliaClient:
                if case .success(let documents)? = block.yaml {
                    let declared = if case .declared = block.roleSource { true } else { false }
                    for document in documents {
                        for node in CodeBlockReader.clientNodes(in: document, bareListAllowed: declared) {
                            guide.clients.append(AutheliaClient(blockIndex: blockIndex, node: node))
                        }
                    }
                }
            case .appSettings:
                guide.settings += AppConfigReader.settings(in: block, map: map, blockIndex: blockIndex)
            case .shell:
                guide.settings += CommandLineReader.settings(map: map, blockIndex: blockIndex)
            case .ignore, nil:
                break
            }
        }
        guide.testedVersions = TestedVersionsReader.read(guide.source, headings: guide.headings)
        // The page of this very parse, decorated from what was read from it (render).
        if let tree { guide.html = tree.renderPage(pageDecorations(guide)) }
        return guide
    }

    /// Heading anchors and code-block figures for the page, keyed by the line each starts on.
    static func pageDecorations(_ guide: Guide) -> PageDecorations {
        var headings: [Int: String] = [:]
        for (heading, anchor) in zip(guide.headings, Heading.anchors(for: guide.headings)) {
            headings[heading.location.line] = anchor
        }
        var blocks: [Int: PageDecorations.CodeBlock] = [:]
        for block in guide.codeBlocks {
            blocks[block.location.line] = .init(captionHTML: block.title.map(MarkupEscaping.escape), language: block.info.language)
        }
        return PageDecorations(headingIDs: headings, codeBlocks: blocks)
    }

    /// `# guidekit-disable-next-line RULE: reason` (or `//`, `;`, `--`, `<!-- -->`) on a line
    /// of a code block: the next line of the block. Other scopes belong in prose.
    private static func readDirectives(in map: BlockLineMap, into guide: inout Guide) {
        for (offset, line) in map.lines.enumerated() {
            guard line.containsLiteral("guidekit-"), let body = Suppression.lineCommentBody(line),
                  let directive = Suppression.directive(in: body) else { continue }
            let column = line.unicodeScalars.count - body.drop { $0 == " " || $0 == "\t" }.unicodeScalars.count + 1
            let location = map.location(line: offset + 1, column: column)
            switch directive {
            case .suppression(.nextLine, let rules, let reason):
                let next = location.line + 1
                guide.suppressions.append(Suppression(scope: .nextLine, rules: rules, reason: reason, location: location, lines: next...next))
            case .suppression(let scope, _, _):
                guide.unknownDirectives.append(Located("\(scope.rawValue) inside a code block", at: location, length: scope.rawValue.count))
            case .unknown(let name):
                guide.unknownDirectives.append(Located(name, at: location, length: name.count))
            }
        }
    }

    /// The code spans of one paragraph or heading, located left to right in its source lines,
    /// with the resolved line and column where each starts.
    static func codeSpans(in block: Int, document: MarkdownDocument, source: PreparedSource)
        -> [(span: Located<String>, line: Int, resolvedColumn: Int)] {
        let node = document.nodes[block]
        let spans = document.descendants(of: block).filter { document.nodes[$0].kind == .code }
        guard !spans.isEmpty else { return [] }
        let locator = InlineLocator(source: source)
        let lines = node.startLine...max(node.startLine, node.endLine)
        var cursor = (line: node.startLine, column: source.scalarColumn(inResolvedLine: node.startLine, byteColumn: node.startByteColumn))
        return spans.compactMap { index in
            let literal = document.nodes[index].literal ?? ""
            guard let span = locator.find(literal, in: lines, from: &cursor) else { return nil }
            return (span, cursor.line, cursor.column - literal.unicodeScalars.count)
        }
    }

    /// Link and image destinations of one paragraph, found after their `](` or `<` in the
    /// source (reference-style links have no destination in the paragraph and are skipped).
    static func linkDestinations(in block: Int, document: MarkdownDocument, source: PreparedSource) -> [Located<String>] {
        let node = document.nodes[block]
        let destinations = document.descendants(of: block).compactMap { index -> String? in
            switch document.nodes[index].kind {
            case .link(let destination), .image(let destination): return destination.isEmpty ? nil : destination
            default: return nil
            }
        }
        guard !destinations.isEmpty else { return [] }
        let locator = InlineLocator(source: source)
        let lines = node.startLine...max(node.startLine, node.endLine)
        var cursor = (line: node.startLine, column: 1)
        // After its `](` (or `](<`), so a destination also written as the link's words
        // (`[../x.md](../x.md)`) is found where it is the destination; an autolink's has none.
        return destinations.compactMap { destination in
            for prefix in ["](", "](<", ""] {
                var probe = cursor
                guard let found = locator.find(destination, after: prefix, in: lines, from: &probe) else { continue }
                cursor = probe
                return found
            }
            return nil
        }
    }

    /// `[label]: destination` lines whose destination a link of the page uses (cmark consumed
    /// the definition; an unused one produces nothing on the page). Read as cmark reads the
    /// line (containers unwrapped, block-quote markers skipped), outside code and HTML
    /// blocks, and only where a definition may stand: not as the continuation of a paragraph.
    static func referenceDefinitions(in source: PreparedSource, document: MarkdownDocument, codeBlocks: [CodeBlock]) -> [Located<String>] {
        var used = Set<String>()
        var skipped = Set<Int>()
        for node in document.nodes {
            switch node.kind {
            case .link(let destination), .image(let destination): used.insert(destination)
            case .htmlBlock:
                // cmark 0.30 reports an HTML block's end line wrongly: count its own lines.
                let lines = (node.literal ?? "").utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                skipped.formUnion(node.startLine...(node.startLine + max(0, lines - 1)))
            default: break
            }
        }
        guard !used.isEmpty else { return [] }
        for block in codeBlocks { skipped.formUnion(block.location.line...max(block.location.line, block.lineAfterContent)) }
        var definitions: [Located<String>] = []
        var mayStart = true  // the line before is blank, a definition, or the start of a block
        for line in 1...max(source.lineCount, 1) {
            guard !skipped.contains(line) else { mayStart = true; continue }
            let scalars = Array(source.resolvedLineSlice(line).unicodeScalars)
            var index = 0
            while index < scalars.count, scalars[index] == ">" {  // block quotes
                index += 1
                if index < scalars.count, scalars[index] == " " { index += 1 }
            }
            var spaces = 0
            while index < scalars.count, scalars[index] == " ", spaces < 3 { index += 1; spaces += 1 }
            let blank = scalars[index...].allSatisfy { $0 == " " || $0 == "\t" }
            var isDefinition = false  // used or not: another definition may follow it
            defer { mayStart = blank || isDefinition }
            guard mayStart, index < scalars.count, scalars[index] == "[",
                  let close = scalars[index...].firstIndex(of: "]"), close + 1 < scalars.count, scalars[close + 1] == ":" else { continue }
            var start = close + 2
            while start < scalars.count, scalars[start] == " " || scalars[start] == "\t" { start += 1 }
            var end = start
            while end < scalars.count, scalars[end] != " ", scalars[end] != "\t" { end += 1 }
            guard end > start else { continue }
            isDefinition = true
            var destination = String(String.UnicodeScalarView(scalars[start..<end]))
            var column = start + 1
            if destination.hasPrefix("<"), destination.hasSuffix(">"), destination.unicodeScalars.count > 2 {
                destination = String(destination.dropFirst().dropLast())
                column += 1
            }
            guard used.contains(destination) else { continue }
            definitions.append(Located(destination, at: source.location(line: line, resolvedColumn: column),
                                       length: source.originalLength(line: line, resolvedColumn: column,
                                                                     resolvedLength: destination.unicodeScalars.count)))
        }
        return definitions
    }

    /// Commands written inline in application steps, e.g.
    /// ``Run `gitea admin auth add-oauth --key=gitea --secret=...` ``: their options are settings.
    static func inlineCommandSettings(_ spans: [(span: Located<String>, line: Int, resolvedColumn: Int)],
                                      source: PreparedSource) -> [AppSetting] {
        spans.flatMap { span -> [AppSetting] in
            let text = span.span.value
            guard text.containsLiteral(" --"), text.first?.isLetter == true, !text.containsLiteral("\n") else { return [] }
            let map = BlockLineMap(source: source, content: text, firstLine: span.line, fallbackPrefix: span.resolvedColumn - 1)
            return CommandLineReader.settings(map: map, blockIndex: -1)
        }
    }

    /// A `Label: value` item or table row of the application's steps: a setting when its
    /// value is code, a toggle when it reads as one ("Enable PKCE: on").
    private static func addSetting(_ item: ListItemReader.Item, to guide: inout Guide) {
        guard let value = item.value, item.label.value.split(separator: " ").count <= 6 else { return }
        if item.valueIsCode {
            guide.settings.append(AppSetting(key: item.label, value: value, origin: .listItem))
        } else if let toggle = AppToggle(label: item.label, value: value.value) {
            guide.toggles.append(toggle)
        }
    }

    /// "Assumptions", "Example assumptions", "Assumption" (lower-cased heading text).
    static func mentionsAssumptions(_ text: String) -> Bool {
        text.split(separator: " ").contains { $0.hasPrefix("assumption") }
    }

    /// A sentence that introduces a list or table of assumptions: it names them and ends with
    /// a colon ("This example makes the following assumptions:").
    static func announcesAssumptions(_ text: String) -> Bool {
        let trimmed = text.trimmingSpaces()
        return trimmed.hasSuffix(":") && trimmed.lowercased().containsLiteral("assumption")
    }

    /// The labels only an assumptions list uses (an application calls its own URL otherwise).
    static func namesRootURL(_ label: String) -> Bool {
        switch AssumptionKind(label: label) {
        case .applicationRootURL?, .autheliaRootURL?: true
        default: false
        }
    }

    /// "Application", "Application Configuration", but not e.g. "Applications we tested".
    static func isApplicationHeading(_ text: String) -> Bool {
        text == "application" || text.hasPrefix("application ")
    }

    static func assumption(from item: ListItemReader.Item) -> Assumption {
        let kind = AssumptionKind(label: item.label.value)
        let value = item.value.flatMap { AssumptionValue(parsing: $0.value, as: kind) }
        return Assumption(label: item.label, kind: kind, rawValue: item.value, value: value)
    }

    /// The front-matter keys GuideKit reads.
    static let frontMatterKeys = ["title", "application", "authelia_version", PageClass.frontMatterKey]
    /// `title:` and so on, as bytes: compared with the start of every front matter line.
    private static let frontMatterEntryPrefixes = frontMatterKeys.map { Array(($0 + ":").utf8) }

    private static func readFrontMatter(into guide: inout Guide) {
        guard let frontMatter = guide.source.frontMatter else { return }
        let documents = try? YAMLReader.read(readFrontMatterEntries(of: frontMatter.yaml)) { line, column in
            SourceLocation(line: frontMatter.openingLine + line, column: column)
        }
        guide.frontMatter = documents?.first
        guide.title = documents?.first?["title"]?.string
    }

    /// The top-level entries of `frontMatterKeys` (with their continuation lines), every
    /// other line blanked so line numbers stay those of the file. Upstream front matter is
    /// mostly SEO maps and aliases GuideKit never reads; composing all of it was a visible
    /// share of parsing.
    static func readFrontMatterEntries(of yaml: String) -> String {
        var kept: [Substring] = []
        var keeping = false
        for line in yaml.lines() {
            guard let first = line.utf8.first, first != UInt8(ascii: "#"), first != 0x0D else { kept.append(""); continue }
            if first != UInt8(ascii: " "), first != UInt8(ascii: "\t") {
                keeping = frontMatterEntryPrefixes.contains { line.utf8.starts(with: $0) }
            }
            kept.append(keeping ? line : "")
        }
        return kept.joined(separator: "\n")
    }
}
