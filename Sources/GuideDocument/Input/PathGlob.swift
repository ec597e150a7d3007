import Foundation

/// A path pattern as `--exclude` takes it: `*` any characters but `/`, `**` any characters,
/// `?` one character but `/`. A pattern with no `/` matches a file name anywhere
/// (`CHANGELOG.md`); one with `/` matches the path from the current folder
/// (`docs/reference/**`).
public struct PathGlob: Sendable {
    public let pattern: String
    /// The pattern's parts; nil for a literal pattern (compared as text).
    private let tokens: [Token]?
    /// The pattern relative to the current folder when it has no wildcard: then a set lookup
    /// answers it (`PathGlobSet`), whatever the number of such patterns.
    let literal: String?

    /// One part of a pattern. Matched by `Self.match`, in time proportional to the pattern's
    /// length times the path's, whatever the pattern (no backtracking, no regular expression:
    /// Foundation's leaked memory on some patterns and cost a compile per pattern).
    enum Token: Equatable, Sendable {
        case scalar(Unicode.Scalar)
        /// `?`: one character but `/`.
        case one
        /// `*`: any characters but `/`.
        case star
        /// `**`: any characters.
        case any
        /// `**/`: nothing, or any characters ending with `/`.
        case folders
    }

    public init(_ pattern: String) {
        self.pattern = pattern
        // Paths are compared relative to the current folder (`matches` strips it from the
        // path); a pattern resolved from a configuration file's folder may be absolute.
        let relativePattern = Self.relative(pattern)
        literal = relativePattern.contains(where: { $0 == "*" || $0 == "?" }) ? nil : relativePattern
        guard literal == nil else {
            tokens = nil
            return
        }
        var tokens: [Token] = []
        var scalars = Array(relativePattern.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            switch scalar {
            case "*":
                if scalars.first == "*" {
                    scalars = scalars.dropFirst()
                    if scalars.first == "/" { scalars = scalars.dropFirst(); tokens.append(.folders) } else { tokens.append(.any) }
                } else {
                    tokens.append(.star)
                }
            case "?": tokens.append(.one)
            default: tokens.append(.scalar(scalar))
            }
        }
        self.tokens = tokens
    }

    /// Whether the tokens match the whole subject: dynamic programming over (token, scalar),
    /// one row at a time.
    static func match(_ tokens: [Token], _ subject: [Unicode.Scalar]) -> Bool {
        // reachable[j]: the tokens so far can match subject[..<j].
        var reachable = [Bool](repeating: false, count: subject.count + 1)
        reachable[0] = true
        for token in tokens {
            var next = [Bool](repeating: false, count: subject.count + 1)
            switch token {
            case .scalar(let wanted):
                for j in subject.indices where reachable[j] && subject[j] == wanted { next[j + 1] = true }
            case .one:
                for j in subject.indices where reachable[j] && subject[j] != "/" { next[j + 1] = true }
            case .star:
                // Extend any reachable position over characters that are not '/'.
                var open = false
                for j in 0...subject.count {
                    if reachable[j] { open = true }
                    if open { next[j] = true }
                    if j < subject.count, subject[j] == "/" { open = false }
                }
            case .any:
                var open = false
                for j in 0...subject.count {
                    if reachable[j] { open = true }
                    next[j] = open
                }
            case .folders:
                // Nothing, or anything up to and including a '/'.
                var open = false
                for j in 0...subject.count {
                    if reachable[j] { next[j] = true; open = true }
                    if open, j > 0, subject[j - 1] == "/" { next[j] = true }
                }
            }
            reachable = next
        }
        return reachable[subject.count]
    }

    public func matches(_ path: String) -> Bool {
        matches(relative: Self.relative(path))
    }

    func matches(relative: String) -> Bool {
        let subject = pattern.containsLiteral("/") ? relative : (relative as NSString).lastPathComponent
        guard let tokens else { return subject == literal }
        return Self.match(tokens, Array(subject.unicodeScalars))
    }

    /// The path as patterns see it: from the current folder, without `./`.
    static func relative(_ path: String) -> String {
        var relative = path
        let cwd = FileManager.default.currentDirectoryPath + "/"
        if relative.hasPrefix(cwd) { relative.removeFirst(cwd.count) }
        while relative.hasPrefix("./") { relative.removeFirst(2) }
        return relative
    }
}

/// Many patterns matched at once: patterns without wildcards (most long exclude lists are
/// file names) are looked up in sets, the others tried one by one, so 40,000 names over
/// 20,000 files cost 20,000 lookups, not 800 million regular-expression matches.
public struct PathGlobSet: Sendable {
    private let names: Set<String>
    private let paths: Set<String>
    private let wildcards: [PathGlob]

    public init(_ globs: [PathGlob]) {
        var names = Set<String>(), paths = Set<String>(), wildcards: [PathGlob] = []
        for glob in globs {
            if let literal = glob.literal {
                // As `matches` decides: by the pattern as written (`./README.md` is a path).
                if glob.pattern.containsLiteral("/") { paths.insert(literal) } else { names.insert(literal) }
            } else {
                wildcards.append(glob)
            }
        }
        self.names = names
        self.paths = paths
        self.wildcards = wildcards
    }

    public var isEmpty: Bool { names.isEmpty && paths.isEmpty && wildcards.isEmpty }

    public func matches(_ path: String) -> Bool {
        let relative = PathGlob.relative(path)
        if !names.isEmpty, names.contains((relative as NSString).lastPathComponent) { return true }
        if paths.contains(relative) { return true }
        return wildcards.contains { $0.matches(relative: relative) }
    }
}
