/// A guide file made ready for cmark, with the way back to the original positions.
///
/// Three transformations happen before parsing, all line-preserving:
/// 1. front matter lines are blanked (cmark would misread them);
/// 2. `sitevar` shortcodes are replaced by their default values, so YAML and URLs inside
///    them can be checked;
/// 3. containers of other documentation stacks (MkDocs tabs and admonitions, MDX tabs,
///    `<details>`) are unwrapped (`ContainerLayout`), so the code blocks inside are read.
/// Everything downstream works on the *resolved* lines and turns positions back into
/// original ones with `location(line:resolvedColumn:)`; a position inside a replaced
/// shortcode maps to the shortcode's first character.
public struct PreparedSource: Sendable {
    public let path: String
    /// The file's text exactly as read (`guidekit fix` edits it byte for byte).
    public let originalText: String
    public let frontMatter: FrontMatter?
    public let shortcodes: [SitevarShortcode]
    /// The text given to cmark: same lines as the file, front matter blanked, shortcodes resolved.
    public let resolvedText: String
    private let originalLines: [Substring]
    /// The lines cmark reads. Unchanged lines are slices of the original text (no copy); only
    /// lines with a shortcode, front matter or a container are new strings.
    private let resolvedLines: [Substring]
    /// The lines with shortcodes resolved but containers as written (`resolvedLine(_:)`,
    /// the text `render` edits); the same array as `resolvedLines` when no container is.
    private let shortcodeResolvedLines: [Substring]
    /// Per line (0-based), the leading scalars a container's unwrapping removed (a blanked
    /// line removes all); empty when no line has a container.
    private let layoutShift: [Int]
    /// Per line (0-based index), the replaced spans in resolved-scalar coordinates.
    /// Empty when no line has one (most guides); else one entry per line. An array, not a
    /// dictionary: positions are mapped for every inline node, and hashing showed in profiles.
    private let replacements: [[Replacement]?]
    /// Per line (0-based index), the shortcodes found there with their ranges in the line, for
    /// rules that look at the line as written (template-leak); empty when no line has one.
    private let lineShortcodes: [[(shortcode: SitevarShortcode, range: Range<String.Index>)]?]

    private struct Replacement: Sendable {
        var resolvedStart: Int  // 1-based scalar column in the resolved line
        var resolvedLength: Int
        var originalStart: Int
        var originalLength: Int
    }

    public init(path: String, text: String) {
        self.path = path
        originalText = text
        let lines = text.lines()
        originalLines = lines
        let frontMatter = FrontMatter.detect(in: lines)
        self.frontMatter = frontMatter

        // One search of the whole text finds the lines that may hold a shortcode; only those
        // are scanned (guides without any "{{<", all of ours, scan none).
        var shortcodeLines = [Bool](repeating: false, count: lines.count + 1)  // by line number
        for number in text.lineNumbers(containing: "{{<") where number < shortcodeLines.count { shortcodeLines[number] = true }
        var resolved: [Substring] = []
        var replacements: [[Replacement]?] = []
        var lineShortcodes: [[(shortcode: SitevarShortcode, range: Range<String.Index>)]?] = []
        var shortcodes: [SitevarShortcode] = []
        resolved.reserveCapacity(lines.count)
        for (index, line) in lines.enumerated() {
            if let frontMatter, index + 1 <= frontMatter.closingLine {
                resolved.append("")
                continue
            }
            let found = shortcodeLines[index + 1] ? SitevarShortcode.scan(line, lineNumber: index + 1) : []
            guard !found.isEmpty else {
                resolved.append(line)
                continue
            }
            var output = ""
            var outputScalars = 0
            var cursor = line.startIndex
            var spans: [Replacement] = []
            for (shortcode, range) in found {
                let before = line[cursor..<range.lowerBound]
                output += before
                outputScalars += before.unicodeScalars.count
                spans.append(Replacement(
                    resolvedStart: outputScalars + 1,
                    resolvedLength: shortcode.defaultValue.unicodeScalars.count,
                    originalStart: shortcode.location.column,
                    originalLength: shortcode.length))
                output += shortcode.defaultValue
                outputScalars += shortcode.defaultValue.unicodeScalars.count
                cursor = range.upperBound
                shortcodes.append(shortcode)
            }
            output += line[cursor...]
            resolved.append(Substring(output))
            if replacements.isEmpty {
                replacements = Array(repeating: nil, count: lines.count)
                lineShortcodes = Array(repeating: nil, count: lines.count)
            }
            replacements[index] = spans
            lineShortcodes[index] = found
        }
        shortcodeResolvedLines = resolved
        let layout = ContainerLayout.mayContainContainers(text) ? ContainerLayout.changes(for: resolved) : []
        if layout.isEmpty {
            layoutShift = []
        } else {
            var shift = [Int](repeating: 0, count: resolved.count)
            for (index, change) in layout.enumerated() {
                switch change {
                case .blank?:
                    shift[index] = resolved[index].unicodeScalars.count
                    resolved[index] = ""
                case .dedent(let scalars)?:
                    shift[index] = scalars
                    resolved[index] = Substring(resolved[index].unicodeScalars.dropFirst(scalars))
                case nil:
                    break
                }
            }
            layoutShift = shift
        }
        resolvedLines = resolved
        self.replacements = replacements
        self.lineShortcodes = lineShortcodes
        self.shortcodes = shortcodes
        // Most guides have neither front matter nor shortcodes: then the text is its own
        // resolved form.
        resolvedText = frontMatter == nil && shortcodes.isEmpty && layoutShift.isEmpty
            ? text : Self.joinedLines(resolved, capacity: text.utf8.count)
    }

    /// The lines joined with line feeds, in one allocation (`joined(separator:)` grows its
    /// result step by step; this runs once per guide with shortcodes or front matter).
    private static func joinedLines(_ lines: [Substring], capacity: Int) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(capacity + 64)
        for (index, line) in lines.enumerated() {
            if index > 0 { bytes.append(0x0A) }
            // Contiguous UTF-8 is copied in one go; the generic append goes byte by byte.
            if line.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil {
                bytes.append(contentsOf: line.utf8)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    public var lineCount: Int { originalLines.count }

    /// Whether the line holds shortcodes: positions on it are approximate for spans that
    /// cross one, so `guidekit fix` leaves such lines alone.
    public func hasShortcodes(line: Int) -> Bool { spans(onLine: line) != nil }

    /// The shortcodes of a line (1-based) as written, with their ranges in `originalLine(line)`
    /// (a slice of the same text, so the indices hold).
    package func shortcodes(onLine line: Int) -> [(shortcode: SitevarShortcode, range: Range<String.Index>)] {
        lineShortcodes.indices.contains(line - 1) ? lineShortcodes[line - 1] ?? [] : []
    }

    private func spans(onLine line: Int) -> [Replacement]? {
        replacements.indices.contains(line - 1) ? replacements[line - 1] : nil
    }

    /// The file's own line (without line terminator), for snippets under findings.
    public func originalLine(_ line: Int) -> Substring {
        guard line >= 1, line <= originalLines.count else { return "" }
        var text = originalLines[line - 1]
        if text.last == "\r" { text.removeLast() }
        return text
    }

    /// `resolvedLine` without copying it.
    func resolvedLineSlice(_ line: Int) -> Substring {
        guard line >= 1, line <= resolvedLines.count else { return "" }
        let text = resolvedLines[line - 1]
        return text.utf8.last == 0x0D ? text.dropLast() : text
    }

    /// The line with front matter blank and shortcodes resolved (containers as written).
    public func resolvedLine(_ line: Int) -> String {
        guard line >= 1, line <= shortcodeResolvedLines.count else { return "" }
        var text = shortcodeResolvedLines[line - 1]
        if text.utf8.last == 0x0D { text = text.dropLast() }
        return String(text)
    }

    /// Leading scalars a container's unwrapping removed from the line cmark read.
    private func shift(onLine line: Int) -> Int {
        layoutShift.indices.contains(line - 1) ? layoutShift[line - 1] : 0
    }

    /// Whether cmark read the line with a container's indentation removed or blanked.
    public func isInsideContainer(line: Int) -> Bool { shift(onLine: line) > 0 }

    /// Maps a 1-based scalar column of a line as cmark read it back to the original file.
    public func location(line: Int, resolvedColumn cmarkColumn: Int) -> SourceLocation {
        let resolvedColumn = cmarkColumn + shift(onLine: line)
        guard let spans = spans(onLine: line) else {
            return SourceLocation(line: line, column: resolvedColumn)
        }
        var delta = 0
        for span in spans {
            if resolvedColumn < span.resolvedStart { break }
            if resolvedColumn < span.resolvedStart + span.resolvedLength {
                return SourceLocation(line: line, column: span.originalStart)
            }
            delta = span.originalStart + span.originalLength - (span.resolvedStart + span.resolvedLength)
        }
        return SourceLocation(line: line, column: resolvedColumn + delta)
    }

    /// Maps cmark's 1-based byte column on a resolved line back to the original file.
    public func location(line: Int, resolvedByteColumn: Int) -> SourceLocation {
        location(line: line, resolvedColumn: scalarColumn(inResolvedLine: line, byteColumn: resolvedByteColumn))
    }

    /// Length in original scalars of a span that covers `resolvedLength` scalars from `start`
    /// (a span that swallowed shortcodes is longer in the original).
    public func originalLength(line: Int, resolvedColumn cmarkColumn: Int, resolvedLength: Int) -> Int {
        let start = location(line: line, resolvedColumn: cmarkColumn)
        let lastResolved = cmarkColumn + shift(onLine: line) + max(resolvedLength, 1) - 1
        var end = location(line: line, resolvedColumn: cmarkColumn + max(resolvedLength, 1) - 1).column
        if let span = spans(onLine: line)?.first(where: {
            lastResolved >= $0.resolvedStart && lastResolved < $0.resolvedStart + $0.resolvedLength
        }) {
            end = span.originalStart + span.originalLength - 1
        }
        return max(1, end - start.column + 1)
    }

    /// cmark counts columns in bytes. A byte inside a multi-byte scalar counts as that
    /// scalar; past the line's end every byte counts as one column.
    func scalarColumn(inResolvedLine line: Int, byteColumn: Int) -> Int {
        let text = resolvedLineSlice(line)
        let utf8 = text.utf8
        let wanted = max(0, byteColumn - 1)
        var end = utf8.index(utf8.startIndex, offsetBy: wanted, limitedBy: utf8.endIndex) ?? utf8.endIndex
        // Round up to the end of a scalar the column falls inside (counted whole, as before).
        while end < utf8.endIndex, utf8[end] & 0xC0 == 0x80 { end = utf8.index(after: end) }
        let bytes = utf8.distance(from: utf8.startIndex, to: end)
        return text.scalarDistance(from: text.startIndex, to: end) + 1 + max(0, wanted - bytes)
    }
}

extension PreparedSource {
    /// Front matter as written, every other line with its shortcodes resolved.
    package var resolvedTextWithFrontMatter: String {
        (1...max(lineCount, 1)).map { line in
            if let frontMatter, line <= frontMatter.closingLine { return String(originalLine(line)) }
            return resolvedLine(line)
        }.joined(separator: "\n")
    }
}
