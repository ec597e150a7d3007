/// A fenced or indented code block of a guide.
public struct CodeBlock: Sendable, Equatable {
    /// Position of the first fence character (or of the first line of an indented block).
    public var location: SourceLocation
    /// The line of the block's first content line.
    public var contentFirstLine: Int
    /// Whether the block is fenced (only fenced blocks carry an info string).
    public var isFenced: Bool
    public var info: InfoString
    public var role: BlockRole?
    public var roleSource: RoleSource?
    /// The block's text with shortcodes resolved, as cmark gives it.
    public var content: String
    /// Whether the block is under an "Application" heading, where upstream guides put the
    /// application's own configuration.
    public var inApplicationSection: Bool = false
    /// For YAML blocks: the parsed documents, or the syntax error.
    public var yaml: Result<[YAMLNode], YAMLSyntaxError>?

    public var language: String? { info.language?.lowercased() }

    /// Lines of content (cmark ends a block's content with a line feed, which starts no line).
    /// Counted as line feeds, not by splitting the content: rules ask for it on every block.
    public var contentLineCount: Int {
        guard let last = content.utf8.last else { return 0 }
        let count: (UnsafeBufferPointer<UInt8>) -> Int = { $0.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
        let feeds = content.utf8.withContiguousStorageIfAvailable(count) ?? content.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        return feeds + 1 - (last == 0x0A ? 1 : 0)
    }

    /// The file line just after the content: a fenced block's closing fence, when it has one.
    public var lineAfterContent: Int { contentFirstLine + contentLineCount }

    public var isYAML: Bool { language == "yaml" || language == "yml" }

    public var isShell: Bool {
        ["sh", "shell", "bash", "console", "zsh", "shell-session"].contains(language ?? "")
    }

    /// The `title` attribute upstream guides use to name the file (`configuration.yml`, `.env`).
    public var title: String? { info.value(of: "title") }
}
