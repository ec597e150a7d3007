import Foundation
import Testing
@testable import LSPProtocol

/// The protocol layer of `guidekit lsp` on its own: framing, JSON-RPC messages, UTF-16
/// columns and text synchronisation (issue 27).
struct LSPProtocolTests {
    static func framed(_ json: String) -> Data { MessageWriter.frame(Data(json.utf8)) }

    @Test func framingReassemblesMessagesSplitAnywhere() {
        let stream = Self.framed(#"{"a":1}"#) + Self.framed(#"{"b":"é"}"#)
        for split in 0...stream.count {
            var reader = MessageReader()
            reader.append(stream.prefix(split))
            var items: [MessageReader.Item] = []
            while let item = reader.next() { items.append(item) }
            reader.append(stream.dropFirst(split))
            while let item = reader.next() { items.append(item) }
            #expect(items == [.message(Data(#"{"a":1}"#.utf8)), .message(Data(#"{"b":"é"}"#.utf8))], "split at \(split)")
        }
    }

    @Test func framingSkipsBadHeadersAndRefusesHugeLengths() {
        // A header without a length, then one with a broken length and its body: each is
        // skipped up to the next header, and the messages after it are read.
        var reader = MessageReader()
        reader.append(Data("Content-Type: x\r\n\r\n{\"lost\":1}".utf8) + Data("Content-Length: -3\r\n\r\n{}".utf8)
                      + Self.framed("{}") + Self.framed("[1]"))
        var items: [MessageReader.Item] = []
        while let item = reader.next() { items.append(item) }
        #expect(items.count == 4, "\(items)")
        #expect(items.suffix(2) == [.message(Data("{}".utf8)), .message(Data("[1]".utf8))])
        #expect(items.prefix(2).allSatisfy { if case .framingError = $0 { true } else { false } })
        // A body over the limit is skipped as it arrives (in pieces), never kept; the next
        // message is read.
        var limited = MessageReader(bodyLimit: 10)
        limited.append(Data("Content-Length: 25\r\n\r\n0123456789".utf8))
        #expect({ if case .framingError? = limited.next() { true } else { false } }())
        #expect(limited.next() == nil)
        limited.append(Data("0123456789abcde".utf8) + Self.framed("{}"))
        #expect(limited.next() == .message(Data("{}".utf8)))
        // A header part that never ends is dropped once it passes the limit.
        var endless = MessageReader()
        endless.append(Data(repeating: 0x41, count: MessageReader.maximumHeaderBytes + 1))
        #expect({ if case .framingError? = endless.next() { true } else { false } }())
    }

    @Test func messagesDecodeAndErrorsAreJSONRPCErrors() throws {
        #expect(Message.decode(Data(#"{"jsonrpc":"2.0","id":3,"method":"m","params":{}}"#.utf8)) == .success(.request(id: .number(3), method: "m", params: .object([:]))))
        #expect(Message.decode(Data(#"{"jsonrpc":"2.0","method":"n"}"#.utf8)) == .success(.notification(method: "n", params: nil)))
        let cases: [(String, ErrorCode, RequestID?)] = [
            ("{not json", .parseError, nil),
            ("[1,2]", .invalidRequest, nil),
            (#"{"jsonrpc":"1.0","id":"x","method":"m"}"#, .invalidRequest, .string("x")),
            (#"{"jsonrpc":"2.0","id":4,"method":"m","params":7}"#, .invalidRequest, .number(4)),
            (#"{"jsonrpc":"2.0"}"#, .invalidRequest, nil),
        ]
        for (body, code, id) in cases {
            guard case .failure(let failure) = Message.decode(Data(body.utf8)) else { Issue.record("\(body) decoded"); continue }
            #expect(failure.error.code == code.rawValue, "\(body)")
            #expect(failure.id == id, "\(body)")
        }
        // An error response to an unreadable id carries "id": null, a success "result".
        let error = String(decoding: Message.response(id: nil, result: nil, error: ResponseError(.parseError, "bad")).encoded(), as: UTF8.self)
        #expect(error.contains(#""id":null"#) && error.contains(#""code":-32700"#) && !error.contains("result"))
        let success = String(decoding: Message.response(id: .number(1), result: nil, error: nil).encoded(), as: UTF8.self)
        #expect(success == #"{"id":1,"jsonrpc":"2.0","result":null}"#)
    }

    @Test func utf16ColumnsCountEmojiAsTwoUnits() {
        let line: Substring = "- a: 'é🎉x'"
        // Scalars: - ␠ a : ␠ ' é 🎉 x '  → 'x' is scalar column 9, UTF-16 character 9 (8 + 1 extra unit).
        #expect(UTF16Columns.character(ofScalarColumn: 1, in: line) == 0)
        #expect(UTF16Columns.character(ofScalarColumn: 7, in: line) == 6)   // é: one unit
        #expect(UTF16Columns.character(ofScalarColumn: 8, in: line) == 7)   // 🎉 starts
        #expect(UTF16Columns.character(ofScalarColumn: 9, in: line) == 9)   // after the pair
        #expect(UTF16Columns.character(ofScalarColumn: 13, in: line) == 13) // past the end: one each
        #expect(UTF16Columns.scalarColumn(ofCharacter: 9, in: line) == 9)
        #expect(UTF16Columns.scalarColumn(ofCharacter: 8, in: line) == 8)   // inside the pair: its start
        #expect(UTF16Columns.scalarColumn(ofCharacter: 99, in: line) == 11) // past the end: the end
    }

    @Test func incrementalChangesApplyInUTF16Units() {
        var document = TextDocument(uri: "file:///g.md", version: 1, text: "a🎉b\r\nsecond\nthird")
        #expect(document.lineCount == 3)
        #expect(document.line(0) == "a🎉b" && document.line(1) == "second")
        // Replace 'b' (after the two-unit emoji: characters 3..<4).
        document.apply([TextDocumentContentChangeEvent(range: Range(start: Position(line: 0, character: 3), end: Position(line: 0, character: 4)), text: "B")], version: 2)
        #expect(document.text == "a🎉B\r\nsecond\nthird" && document.version == 2)
        // Join lines 1 and 2, insert at the end, delete across the CRLF.
        document.apply([TextDocumentContentChangeEvent(range: Range(start: Position(line: 1, character: 6), end: Position(line: 2, character: 0)), text: " ")], version: 3)
        #expect(document.text == "a🎉B\r\nsecond third")
        document.apply([TextDocumentContentChangeEvent(range: Range(start: Position(line: 0, character: 4), end: Position(line: 1, character: 0)), text: "")], version: 4)
        #expect(document.text == "a🎉Bsecond third")
        // An end past the document is clamped; a full change replaces everything.
        document.apply([TextDocumentContentChangeEvent(range: Range(start: Position(line: 0, character: 50), end: Position(line: 9, character: 0)), text: "!")], version: 5)
        #expect(document.text == "a🎉Bsecond third!")
        document.apply([TextDocumentContentChangeEvent(range: nil, text: "new\rold")], version: 6)
        #expect(document.lineCount == 2 && document.line(1) == "old")
    }
}
