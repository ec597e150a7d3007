/// An open document's text as the client last sent it, with the protocol's text
/// synchronisation applied: full replacements and incremental changes whose ranges count
/// UTF-16 code units. Lines end at LF, CRLF or a lone CR, as LSP defines them.
public struct TextDocument: Sendable {
    public let uri: String
    public private(set) var version: Int
    public private(set) var text: String
    /// UTF-8 offsets where each line starts.
    private var lineStarts: [Int]

    public init(uri: String, version: Int, text: String) {
        self.uri = uri
        self.version = version
        self.text = text
        lineStarts = Self.lineStarts(of: text)
    }

    public var lineCount: Int { lineStarts.count }

    /// Line `index` (0-based) without its line ending; empty past the end.
    public func line(_ index: Int) -> Substring {
        guard index >= 0, index < lineStarts.count else { return "" }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: lineStarts[index])
        var end = index + 1 < lineStarts.count ? utf8.index(utf8.startIndex, offsetBy: lineStarts[index + 1]) : utf8.endIndex
        // Drop the line ending (LF, CRLF or CR).
        if end > start, utf8[utf8.index(before: end)] == 0x0A { end = utf8.index(before: end) }
        if end > start, utf8[utf8.index(before: end)] == 0x0D { end = utf8.index(before: end) }
        return text[start..<end]
    }

    /// Applies one change event. A range outside the document is clamped to it (clients
    /// sometimes send an end one line past the last line).
    public mutating func apply(_ change: TextDocumentContentChangeEvent) {
        guard let range = change.range else {
            text = change.text
            lineStarts = Self.lineStarts(of: text)
            return
        }
        let start = index(of: range.start)
        let end = max(start, index(of: range.end))
        text.replaceSubrange(start..<end, with: change.text)
        lineStarts = Self.lineStarts(of: text)
    }

    public mutating func apply(_ changes: [TextDocumentContentChangeEvent], version: Int?) {
        for change in changes { apply(change) }
        if let version { self.version = version }
    }

    /// The string index of a position: past the last line, the end of the text; past the end
    /// of a line, the end of that line; inside a surrogate pair, the pair's start.
    public func index(of position: Position) -> String.Index {
        guard position.line >= 0 else { return text.startIndex }
        guard position.line < lineStarts.count else { return text.endIndex }
        let line = self.line(position.line)
        var units = 0
        var index = line.startIndex
        for scalar in line.unicodeScalars {
            let width = scalar.utf16.count
            if units + width > max(0, position.character) { break }
            units += width
            index = line.unicodeScalars.index(after: index)
        }
        return index
    }

    static func lineStarts(of text: String) -> [Int] {
        var starts = [0]
        var offset = 0
        var previousWasCR = false
        for byte in text.utf8 {
            offset += 1
            if byte == 0x0A {
                starts.append(offset)
            } else if previousWasCR {
                // A CR not followed by LF ended the line before this byte.
                starts.append(offset - 1)
            }
            previousWasCR = byte == 0x0D
        }
        if previousWasCR { starts.append(offset) }
        return starts
    }
}
