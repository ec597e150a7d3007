import Cyaml

/// The boundary with libyaml (Debian `libyaml-dev`): every libyaml pointer is created, read
/// and freed here. The parser's events are copied into Swift values; composing them into a
/// tree, typing scalars and checking keys happen in Swift (GuideKit's `YAMLReader`).
///
/// Why not a YAML library's own tree: composing through one (Yams) cost half of GuideKit's
/// parse time — tag resolution by regular expressions on every scalar and duplicate-key
/// checks by hashing whole nodes — while a guide needs only positions, styles and text.
public enum LibYAMLParser {
    /// One parse event. Positions are 1-based; columns count Unicode scalars, as libyaml does.
    public struct Event: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            case documentStart, documentEnd, mappingStart, mappingEnd, sequenceStart, sequenceEnd
            case scalar(String, Style)
            /// `*name`
            case alias(String)
        }

        public enum Style: Sendable, Equatable {
            case plain, singleQuoted, doubleQuoted, literal, folded
        }

        public var kind: Kind
        public var line: Int
        public var column: Int
        /// For a plain scalar with an explicit tag (`!!str 1`): the tag, which disables typing.
        public var tag: String?
        /// The anchor a scalar, mapping or sequence defines (`&name`), for checking aliases.
        public var anchor: String?
    }

    /// Where and why libyaml stopped.
    public struct Failure: Error, Sendable, Equatable {
        public var problem: String
        public var line: Int
        public var column: Int
        /// What libyaml was reading ("while scanning a quoted scalar") and where it started.
        public var context: String?
        public var contextLine: Int
        public var contextColumn: Int
    }

    /// Parses `text` (every document in it) into events. `limit` bounds the number of events
    /// (a guide's YAML has hundreds; an endless stream of them is refused, not read).
    /// `maximumDepth` bounds nesting: the parse stops at the first collection deeper than it
    /// (libyaml's own work grows with the square of the depth, so a hostile block must be
    /// cut off where it crosses the limit, not composed and refused afterwards).
    public static func events(_ text: String, limit: Int, maximumDepth: Int = .max) -> Result<[Event], Failure> {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            return .failure(Failure(problem: "out of memory", line: 1, column: 1, context: nil, contextLine: 1, contextColumn: 1))
        }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer -> Result<[Event], Failure> in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var events: [Event] = []
            var depth = 0
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return .failure(failure(parser)) }
                defer { yaml_event_delete(&event) }
                let line = Int(event.start_mark.line) + 1
                let column = Int(event.start_mark.column) + 1
                if event.type == YAML_STREAM_END_EVENT { return .success(events) }
                if event.type == YAML_MAPPING_START_EVENT || event.type == YAML_SEQUENCE_START_EVENT {
                    depth += 1
                    if depth > maximumDepth {
                        return .failure(Failure(problem: "nested deeper than \(maximumDepth) levels", line: line, column: column,
                                                context: nil, contextLine: line, contextColumn: column))
                    }
                } else if event.type == YAML_MAPPING_END_EVENT || event.type == YAML_SEQUENCE_END_EVENT {
                    depth -= 1
                }
                if let kind = kind(of: event) {
                    events.append(Event(kind: kind, line: line, column: column,
                                        tag: event.type == YAML_SCALAR_EVENT ? tag(of: event) : nil, anchor: anchor(of: event)))
                }
                if events.count > limit {
                    return .failure(Failure(problem: "more than \(limit) YAML nodes", line: line, column: column,
                                            context: nil, contextLine: line, contextColumn: column))
                }
            }
        }
    }

    /// The Swift form of an event; `nil` for those GuideKit has no use for (stream start).
    private static func kind(of event: yaml_event_t) -> Event.Kind? {
        switch event.type {
        case YAML_DOCUMENT_START_EVENT: .documentStart
        case YAML_DOCUMENT_END_EVENT: .documentEnd
        case YAML_MAPPING_START_EVENT: .mappingStart
        case YAML_MAPPING_END_EVENT: .mappingEnd
        case YAML_SEQUENCE_START_EVENT: .sequenceStart
        case YAML_SEQUENCE_END_EVENT: .sequenceEnd
        case YAML_SCALAR_EVENT:
            .scalar(string(event.data.scalar.value, length: event.data.scalar.length), style(event.data.scalar.style))
        case YAML_ALIAS_EVENT: .alias(event.data.alias.anchor.map { String(cString: $0) } ?? "")
        default: nil
        }
    }

    private static func anchor(of event: yaml_event_t) -> String? {
        let pointer: UnsafeMutablePointer<yaml_char_t>? = switch event.type {
        case YAML_SCALAR_EVENT: event.data.scalar.anchor
        case YAML_MAPPING_START_EVENT: event.data.mapping_start.anchor
        case YAML_SEQUENCE_START_EVENT: event.data.sequence_start.anchor
        default: nil
        }
        return pointer.map { String(cString: $0) }
    }

    /// An explicit tag of a plain scalar (`!!str 1`), which turns off typing; `nil` when none.
    private static func tag(of event: yaml_event_t) -> String? {
        let scalar = event.data.scalar
        return scalar.plain_implicit == 1 ? nil : scalar.tag.map { String(cString: $0) } ?? "!"
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, length: Int) -> String {
        guard let pointer else { return "" }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
    }

    private static func style(_ style: yaml_scalar_style_t) -> Event.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }

    private static func failure(_ parser: yaml_parser_t) -> Failure {
        let problem = parser.problem.map { String(cString: $0) } ?? "cannot be parsed"
        let context = parser.context.map { String(cString: $0) }
        return Failure(problem: problem, line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1,
                       context: context, contextLine: Int(parser.context_mark.line) + 1,
                       contextColumn: Int(parser.context_mark.column) + 1)
    }
}
