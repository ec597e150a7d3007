/// A YAML node from a guide's code block, with its place in the guide file.
///
/// Converted from Yams' composed tree once, so rules never see Yams types or positions
/// relative to the code block.
public struct YAMLNode: Sendable, Equatable {
    public indirect enum Value: Sendable, Equatable {
        case scalar(String)
        case mapping([Pair])
        case sequence([YAMLNode])
    }

    public struct Pair: Sendable, Equatable {
        public var key: YAMLNode
        public var value: YAMLNode
    }

    public enum ScalarStyle: Sendable, Equatable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// The type YAML's core schema gives a scalar (`true` is a bool, `'true'` a string).
    public enum ScalarType: Sendable, Equatable {
        case string, int, float, bool, null
    }

    public var value: Value
    public var location: SourceLocation
    /// Scalars: length of the written token in Unicode scalars (quotes included). Others: 1.
    public var length: Int
    public var style: ScalarStyle
    public var scalarType: ScalarType

    public var string: String? {
        if case .scalar(let text) = value { return text }
        return nil
    }

    public var pairs: [Pair]? {
        if case .mapping(let pairs) = value { return pairs }
        return nil
    }

    public var items: [YAMLNode]? {
        if case .sequence(let items) = value { return items }
        return nil
    }

    /// Whether the scalar is written in quotes (its location is then the opening quote).
    public var isQuoted: Bool { style == .singleQuoted || style == .doubleQuoted }

    /// A scalar's text located at its first character inside the quotes, with the length of
    /// what is between them: the span an edit of the value replaces.
    public var content: Located<String> {
        Located(string ?? "", at: SourceLocation(line: location.line, column: location.column + (isQuoted ? 1 : 0)),
                length: isQuoted ? length - 2 : length)
    }

    /// The value for a string key in a mapping (first match).
    /// Same scalars, keys and structure, whatever the quoting and positions (an empty or
    /// aliased value, written `null`, reads back as null: same content). The site index
    /// proves its joined clients with it, and joins one definition given by two guides.
    package func hasSameContent(as other: YAMLNode) -> Bool {
        switch (value, other.value) {
        case (.scalar(let x), .scalar(let y)): x == y || (scalarType == .null && other.scalarType == .null)
        case (.mapping(let x), .mapping(let y)):
            x.count == y.count && zip(x, y).allSatisfy { $0.key.hasSameContent(as: $1.key) && $0.value.hasSameContent(as: $1.value) }
        case (.sequence(let x), .sequence(let y)): x.count == y.count && zip(x, y).allSatisfy { $0.hasSameContent(as: $1) }
        default: false
        }
    }

    public subscript(key: String) -> YAMLNode? {
        pairs?.first { $0.key.string == key }?.value
    }

    /// The key node for a string key in a mapping, for findings about the key itself.
    public func keyNode(_ key: String) -> YAMLNode? {
        pairs?.first { $0.key.string == key }?.key
    }

    /// A single string or a sequence of strings, as Authelia's uri-list and list types accept.
    public var stringList: [YAMLNode] {
        if string != nil { return [self] }
        return items?.filter { $0.string != nil } ?? []
    }

    public var typeName: String {
        switch value {
        case .mapping: return "mapping"
        case .sequence: return "list"
        case .scalar:
            switch scalarType {
            case .string: return "string"
            case .int: return "integer"
            case .float: return "number"
            case .bool: return "boolean"
            case .null: return "null"
            }
        }
    }
}
