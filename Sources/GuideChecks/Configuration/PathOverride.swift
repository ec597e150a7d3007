import GuideDocument

/// One entry of `.guidekit.yml`'s `overrides:`: rule settings and a page class for the files
/// its `files` globs match, as markdownlint-cli2, ESLint and SwiftLint's nested
/// configurations allow — so a maintainer tunes a folder without excluding it. Entries apply
/// in order; a later one wins.
public struct PathOverride: Sendable, Equatable {
    public var files: [PathGlob]
    public var disable: Set<String> = []
    /// Rule id → severity; `nil` is `off`.
    public var severity: [String: Severity?] = [:]
    public var page: PageClass?

    public init(files: [PathGlob], disable: Set<String> = [], severity: [String: Severity?] = [:], page: PageClass? = nil) {
        self.files = files
        self.disable = disable
        self.severity = severity
        self.page = page
    }

    public func matches(_ path: String) -> Bool { files.contains { $0.matches(path) } }

    public static func == (lhs: PathOverride, rhs: PathOverride) -> Bool {
        lhs.files.map(\.pattern) == rhs.files.map(\.pattern) && lhs.disable == rhs.disable
            && lhs.severity == rhs.severity && lhs.page == rhs.page
    }
}

extension [PathOverride] {
    /// The page class the last matching entry sets, if any.
    func page(for path: String) -> PageClass? {
        last { $0.matches(path) && $0.page != nil }?.page
    }

    /// Whether the matching entries turn the rule off for the file (a later entry's
    /// severity turns it back on).
    func disables(_ rule: String, for path: String) -> Bool {
        var off = false
        for entry in self where entry.matches(path) {
            if entry.disable.contains(rule) { off = true }
            if let severity = entry.severity[rule] { off = severity == nil }
        }
        return off
    }

    /// The severity the matching entries give the rule, if any.
    func severity(of rule: String, for path: String) -> Severity? {
        var result: Severity?
        for entry in self where entry.matches(path) {
            if case .some(.some(let severity)) = entry.severity[rule] { result = severity }
        }
        return result
    }
}
