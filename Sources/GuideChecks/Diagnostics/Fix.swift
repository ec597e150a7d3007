import GuideDocument
import GuideKnowledge

/// A certain repair of a finding: edits in the file's own coordinates (line, column in
/// Unicode scalars). Only offered where nothing is guessed: a renamed key, a value the
/// guide states elsewhere (the assumption), a trailing slash, a misspelt Authelia path with
/// one obvious correction.
public struct Fix: Sendable, Equatable {
    public var description: String
    public var edits: [TextEdit]

    public init(_ description: String, edits: [TextEdit]) {
        self.description = description
        self.edits = edits
    }
}
