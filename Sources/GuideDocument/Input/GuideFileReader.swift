import Foundation

/// Reads guide files defensively: size limit first (never load a huge file), then binary and
/// UTF-8 checks with the exact place of the first bad byte.
public struct GuideFileReader: Sendable {
    /// Files larger than this are refused before being read. Guides are a few KB; a file of
    /// many MB is almost certainly not a guide, and parsing its YAML would take long.
    public var maximumBytes: Int

    public static let defaultMaximumBytes = 8 * 1024 * 1024

    public init(maximumBytes: Int = GuideFileReader.defaultMaximumBytes) {
        self.maximumBytes = maximumBytes
    }

    public func read(_ path: String) throws(InputError) -> String {
        try Self.decode(try readBytes(path), path: path)
    }

    /// The file's bytes, read with POSIX calls: opened without blocking (a FIFO named `*.md`
    /// must not hang the run), checked to be a regular file and within the size limit before
    /// anything is read, then read to the end.
    package func readBytes(_ path: String) throws(InputError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            switch code {
            case ENOENT, ENOTDIR: throw InputError(path: path, message: "no such file")
            case EACCES, EPERM: throw InputError(path: path, message: "cannot be read (permission denied)")
            default: throw InputError(path: path, message: "cannot be opened (\(PrivateFiles.reason(code)))")
            }
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw InputError(path: path, message: "cannot be read") }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw InputError(path: path, message: "is a directory, expected a Markdown file")
        default: throw InputError(path: path, message: "is not a regular file (a device, pipe or socket), expected a Markdown file")
        }
        let size = Int(info.st_size)
        if size > maximumBytes {
            throw InputError(path: path, message: "file is \(Self.megabytes(size)), larger than the \(Self.megabytes(maximumBytes)) limit for a guide (raise it with --max-file-size)")
        }
        // Read at most one byte more than the limit: a file growing while read is caught too.
        var bytes = [UInt8](repeating: 0, count: min(size, maximumBytes) + 1)
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer in
                Foundation.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if count == 0 { break }
            guard count > 0 else {
                if errno == EINTR { continue }
                throw InputError(path: path, message: "cannot be read (\(PrivateFiles.reason()))")
            }
            filled += count
        }
        if filled > maximumBytes {
            throw InputError(path: path, message: "file grew past the \(Self.megabytes(maximumBytes)) limit for a guide while it was read")
        }
        bytes.removeSubrange(filled...)
        return bytes
    }

    /// Standard input to its end, refused once it passes the size limit (a pipe has no size
    /// to check first). `name` is what errors call it.
    public func readStandardInput(name: String) throws(InputError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(STDIN_FILENO, $0.baseAddress!, $0.count) }
            if count == 0 { return bytes }
            guard count > 0 else {
                if errno == EINTR { continue }
                throw InputError(path: name, message: "standard input cannot be read (\(PrivateFiles.reason()))")
            }
            bytes += chunk[..<count]
            if bytes.count > maximumBytes {
                throw InputError(path: name, message: "standard input is larger than the \(Self.megabytes(maximumBytes)) limit for a guide (raise it with --max-file-size)")
            }
        }
    }

    /// Decodes bytes as a UTF-8 guide, naming the first problem's line and column.
    public static func decode(_ data: Data, path: String) throws(InputError) -> String {
        try decode([UInt8](data), path: path)
    }

    static func decode(_ input: [UInt8], path: String) throws(InputError) -> String {
        var bytes = input
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        // An empty (or blank) Markdown file is a guide with nothing to check, not an error:
        // a pre-commit run over every README must not fail on an empty one.
        if let nul = bytes.firstIndex(of: 0) {
            throw InputError(path: path, location: position(of: nul, in: bytes),
                             message: "binary file (NUL byte), expected UTF-8 Markdown")
        }
        // The standard library's validation is one fast pass; the byte-by-byte search below
        // runs only to say where a file is broken.
        // A carriage return not followed by a line feed (classic Mac line endings, or a stray
        // one in a line) is a line break to cmark and to libyaml but not to GuideKit's lines:
        // every position after it would be wrong, so the file is refused where it happens.
        if let cr = bareCarriageReturn(in: bytes) {
            throw InputError(path: path, location: position(of: cr, in: bytes),
                             message: "a carriage return (CR) without a line feed: cmark reads it as a line break, so GuideKit cannot place what follows; save the file with LF (or CRLF) line endings")
        }
        // Each code block costs hundreds of bytes of parse and model: a page of a million
        // empty blocks would take a hundred times its size in memory. Guides have dozens.
        if let line = lineExceedingFenceLimit(in: bytes) {
            throw InputError(path: path, location: SourceLocation(line: line, column: 1),
                             message: "more than \(maximumCodeBlocks) code blocks (counting the lines that hold a fence); GuideKit reads at most \(maximumCodeBlocks) per guide")
        }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        if let bad = firstInvalidUTF8(bytes) {
            throw InputError(path: path, location: position(of: bad, in: bytes),
                             message: String(format: "not valid UTF-8 (byte 0x%02X); save the file as UTF-8", bytes[bad]))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Index of the first byte that does not start or continue a valid UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let width: Int
            switch lead {
            case 0x00...0x7F: index += 1; continue
            case 0xC2...0xDF: width = 2
            case 0xE0...0xEF: width = 3
            case 0xF0...0xF4: width = 4
            default: return index
            }
            guard index + width <= bytes.count else { return index }
            let second = bytes[index + 1]
            let secondRange: ClosedRange<UInt8> = switch lead {
            case 0xE0: 0xA0...0xBF
            case 0xED: 0x80...0x9F
            case 0xF0: 0x90...0xBF
            case 0xF4: 0x80...0x8F
            default: 0x80...0xBF
            }
            guard secondRange.contains(second) else { return index }
            for offset in 2..<width where !(0x80...0xBF).contains(bytes[index + offset]) {
                return index
            }
            index += width
        }
        return nil
    }

    /// 1-based line and scalar column of a byte offset (counting only valid text before it).
    /// Code blocks one guide may hold.
    public static let maximumCodeBlocks = 10_000

    /// The line that takes the count of lines holding a fence run (three backticks or
    /// tildes anywhere: a fence may follow `>` or a list marker) past twice the block limit.
    static func lineExceedingFenceLimit(in bytes: [UInt8]) -> Int? {
        let limit = 2 * maximumCodeBlocks
        var fences = 0, line = 1, run = 0
        var previous: UInt8 = 0
        var counted = false
        for byte in bytes {
            if byte == 0x0A {
                line += 1
                run = 0
                counted = false
                previous = byte
                continue
            }
            run = (byte == UInt8(ascii: "`") || byte == UInt8(ascii: "~")) && byte == previous ? run + 1
                : (byte == UInt8(ascii: "`") || byte == UInt8(ascii: "~")) ? 1 : 0
            previous = byte
            if run == 3, !counted {
                counted = true
                fences += 1
                if fences > limit { return line }
            }
        }
        return nil
    }

    /// The offset of the first CR not followed by LF, found with memchr (most files have
    /// none, or only CRLF pairs).
    static func bareCarriageReturn(in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress else { return nil }
            var position = 0
            while position < buffer.count, let hit = memchr(base + position, 0x0D, buffer.count - position) {
                let offset = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
                if offset + 1 >= buffer.count || buffer[offset + 1] != 0x0A { return offset }
                position = offset + 2
            }
            return nil
        }
    }

    static func position(of offset: Int, in bytes: [UInt8]) -> SourceLocation {
        var line = 1
        var column = 1
        for byte in bytes[..<offset] {
            if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return SourceLocation(line: line, column: column)
    }

    static func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }
}
