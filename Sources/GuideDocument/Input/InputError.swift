/// Any input GuideKit cannot use — a guide, site file, profile, template or baseline that is
/// missing, unreadable or invalid. Reported as one line naming the file and place, and
/// turned into exit code 2 by the command-line tool.
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
        "\(SourceLocation.place(path, location)): \(message)"
    }
}
