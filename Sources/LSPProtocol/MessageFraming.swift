import Foundation

/// LSP's base protocol: each message is a header part (`Content-Length: N`, optionally
/// `Content-Type`, each line ending in CRLF), an empty line, then N bytes of JSON.
///
/// `MessageReader` takes bytes as they arrive and hands out complete message bodies. It never
/// trusts the input: the header part is limited to `maximumHeaderBytes`, a body to
/// `maximumBodyBytes`, and a malformed header part is skipped (reported as a `FramingError`)
/// so one bad message does not end the session.
public struct MessageReader: Sendable {
    public static let maximumHeaderBytes = 8 * 1024
    /// Large enough for a full-text change of the largest guide GuideKit reads (8 MB) after
    /// JSON escaping, small enough that a hostile length cannot exhaust memory.
    public static let maximumBodyBytes = 64 * 1024 * 1024
    /// This reader's limit (`maximumBodyBytes` unless a test asks for less).
    public let bodyLimit: Int

    public enum Item: Sendable, Equatable {
        case message(Data)
        case framingError(String)
    }

    private var buffer = Data()
    /// Body bytes still to drop, of a message refused for its size.
    private var skipping = 0

    public init(bodyLimit: Int = MessageReader.maximumBodyBytes) {
        self.bodyLimit = bodyLimit
    }

    /// Appends bytes read from the stream.
    public mutating func append(_ data: Data) {
        buffer.append(data)
    }

    /// The next complete message (or framing error), if the buffer holds one.
    public mutating func next() -> Item? {
        if skipping > 0 {
            let dropped = min(skipping, buffer.count)
            buffer.removeFirst(dropped)
            skipping -= dropped
            if skipping > 0 { return nil }
        }
        let separator = Data("\r\n\r\n".utf8)
        guard let end = buffer.range(of: separator) else {
            if buffer.count > Self.maximumHeaderBytes {
                buffer.removeAll()
                return .framingError("header part longer than \(Self.maximumHeaderBytes) bytes without an empty line; discarded")
            }
            return nil
        }
        let headerBytes = buffer[buffer.startIndex..<end.lowerBound]
        let bodyStart = end.upperBound
        guard headerBytes.count <= Self.maximumHeaderBytes else {
            buffer.removeSubrange(buffer.startIndex..<bodyStart)
            return .framingError("header part longer than \(Self.maximumHeaderBytes) bytes; discarded")
        }
        guard let length = Self.contentLength(String(decoding: headerBytes, as: UTF8.self)) else {
            // Its body (of unknown length) follows: resume at the next header.
            buffer.removeSubrange(buffer.startIndex..<bodyStart)
            resynchronize()
            return .framingError("header part without a valid Content-Length; discarded up to the next header")
        }
        guard length <= bodyLimit else {
            // The length is known: its body is skipped as it arrives, never kept.
            buffer.removeSubrange(buffer.startIndex..<bodyStart)
            skipping = length
            return .framingError("Content-Length \(length) exceeds \(bodyLimit) bytes; the message is skipped")
        }
        guard buffer.distance(from: bodyStart, to: buffer.endIndex) >= length else { return nil }
        let bodyEnd = buffer.index(bodyStart, offsetBy: length)
        let body = Data(buffer[bodyStart..<bodyEnd])
        buffer.removeSubrange(buffer.startIndex..<bodyEnd)
        return .message(body)
    }

    /// Drops bytes up to the next `Content-Length:` header (or all but a possible partial one).
    private mutating func resynchronize() {
        let marker = Data("Content-Length:".utf8)
        if let next = buffer.range(of: marker) {
            buffer.removeSubrange(buffer.startIndex..<next.lowerBound)
        } else {
            buffer.removeSubrange(buffer.startIndex..<buffer.index(buffer.endIndex, offsetBy: -min(buffer.count, marker.count - 1)))
        }
    }

    /// The Content-Length of a header part: exactly one, decimal digits only.
    static func contentLength(_ header: String) -> Int? {
        var found: Int?
        for line in header.split(separator: "\r\n", omittingEmptySubsequences: false) {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if name == "content-length" {
                guard found == nil, !value.isEmpty, value.count <= 12, value.allSatisfy(\.isASCII), value.allSatisfy(\.isNumber),
                      let number = Int(value) else { return nil }
                found = number
            }
        }
        return found
    }
}

/// Frames one message body for writing.
public enum MessageWriter {
    public static func frame(_ body: Data) -> Data {
        var data = Data("Content-Length: \(body.count)\r\n\r\n".utf8)
        data.append(body)
        return data
    }
}
