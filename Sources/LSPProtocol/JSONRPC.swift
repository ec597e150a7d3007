import Foundation

/// A JSON-RPC 2.0 request id: a number or a string (`null` only in error responses to
/// messages whose id could not be read).
public enum RequestID: Sendable, Hashable, Codable, CustomStringConvertible {
    case number(Int)
    case string(String)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self) {
            self = .number(number)
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .number(let number): try container.encode(number)
        case .string(let string): try container.encode(string)
        }
    }

    public var description: String {
        switch self {
        case .number(let number): "\(number)"
        case .string(let string): string
        }
    }
}

/// JSON-RPC and LSP error codes used by the server.
public enum ErrorCode: Int, Sendable {
    case parseError = -32700
    case invalidRequest = -32600
    case methodNotFound = -32601
    case invalidParams = -32602
    case internalError = -32603
    /// LSP: a request other than `initialize` before `initialize`.
    case serverNotInitialized = -32002
    case requestCancelled = -32800
}

public struct ResponseError: Sendable, Codable, Equatable, Error {
    public var code: Int
    public var message: String

    public init(_ code: ErrorCode, _ message: String) {
        self.code = code.rawValue
        self.message = message
    }
}

/// One incoming or outgoing message.
public enum Message: Sendable, Equatable {
    case request(id: RequestID, method: String, params: JSONValue?)
    case notification(method: String, params: JSONValue?)
    case response(id: RequestID?, result: JSONValue?, error: ResponseError?)

    struct Envelope: Codable {
        var jsonrpc: String?
        var id: RequestID?
        var method: String?
        var params: JSONValue?
        var result: JSONValue?
        var error: ResponseError?
    }

    /// Reads a message body. A body that is not JSON is a parse error; JSON that is no
    /// JSON-RPC 2.0 message is an invalid request (with the id, when one could be read).
    public static func decode(_ body: Data) -> Result<Message, DecodingFailure> {
        guard let json = try? JSONDecoder().decode(JSONValue.self, from: body) else {
            return .failure(DecodingFailure(id: nil, error: ResponseError(.parseError, "the message body is not valid JSON")))
        }
        guard case .object = json, let envelope = try? json.decode(Envelope.self) else {
            let id = json["id"].flatMap { try? $0.decode(RequestID.self) }
            return .failure(DecodingFailure(id: id, error: ResponseError(.invalidRequest, "not a JSON-RPC 2.0 message object")))
        }
        guard envelope.jsonrpc == "2.0" else {
            return .failure(DecodingFailure(id: envelope.id, error: ResponseError(.invalidRequest, "'jsonrpc' must be \"2.0\"")))
        }
        if let method = envelope.method {
            if let params = envelope.params, !Self.isStructured(params) {
                return .failure(DecodingFailure(id: envelope.id, error: ResponseError(.invalidRequest, "'params' must be an object or an array")))
            }
            if let id = envelope.id { return .success(.request(id: id, method: method, params: envelope.params)) }
            return .success(.notification(method: method, params: envelope.params))
        }
        if envelope.id != nil || envelope.error != nil {
            return .success(.response(id: envelope.id, result: envelope.result, error: envelope.error))
        }
        return .failure(DecodingFailure(id: nil, error: ResponseError(.invalidRequest, "a message needs a 'method' or, for a response, an 'id'")))
    }

    static func isStructured(_ value: JSONValue) -> Bool {
        switch value {
        case .object, .array: true
        default: false
        }
    }

    public struct DecodingFailure: Error, Sendable, Equatable {
        public var id: RequestID?
        public var error: ResponseError
    }

    /// A response as JSON-RPC requires it: `id` always (null when the request's id could
    /// not be read), and `result` (null allowed) or `error`.
    struct ResponseEnvelope: Encodable {
        var id: RequestID?
        var result: JSONValue?
        var error: ResponseError?

        enum CodingKeys: String, CodingKey { case jsonrpc, id, result, error }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode("2.0", forKey: .jsonrpc)
            if let id { try container.encode(id, forKey: .id) } else { try container.encodeNil(forKey: .id) }
            if let error { try container.encode(error, forKey: .error) } else { try container.encode(result ?? .null, forKey: .result) }
        }
    }

    /// The message as a JSON body.
    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data: Data?
        switch self {
        case .request(let id, let method, let params):
            data = try? encoder.encode(Envelope(jsonrpc: "2.0", id: id, method: method, params: params))
        case .notification(let method, let params):
            data = try? encoder.encode(Envelope(jsonrpc: "2.0", method: method, params: params))
        case .response(let id, let result, let error):
            data = try? encoder.encode(ResponseEnvelope(id: id, result: result, error: error))
        }
        return data ?? Data("{\"jsonrpc\":\"2.0\"}".utf8)
    }
}
