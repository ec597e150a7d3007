/// A file or path GuideKit could not read as a guide. Reported as one line naming the file,
/// and turned into exit code 2 by the command-line tool.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var location: SourceLocation?
    public var message: String

    public init(path: String, location: SourceLocation? = nil, message: String) {
        self.path = path
        self.location = location
        self.message = message
    }

    public var description: String {
        if let location { return "\(path):\(location.line):\(location.column): \(message)" }
        return "\(path): \(message)"
    }
}
