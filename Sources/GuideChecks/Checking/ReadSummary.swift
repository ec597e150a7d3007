import GuideDocument
import GuideKnowledge

/// What GuideKit read from one guide and what it decided from it: the page's class, the
/// counts of what checks read, the profile applied and why, the releases used and where they
/// came from, and what was left unjudged. `check --verbose`, `extract` and the `files` report
/// all show this one value, so they cannot disagree.
public struct ReadSummary: Sendable, Equatable {
    public var path: String
    public var page: PageClassification
    public var assumptions: Int
    public var clients: Int
    /// Application settings, GUI switches included.
    public var settings: Int
    /// The distinct places the application's configuration is shown (GUI steps, each
    /// configuration block or command): variants that must agree.
    public var variants: Int
    public var codeBlocks: Int
    public var profile: String?
    public var profileReason: String?
    public var autheliaVersion: String
    public var autheliaVersionSource: String
    /// The application release the profile's facts were resolved for, from Tested Versions.
    public var applicationRelease: String?
    /// What could not be judged, in words (issue: no verdict from silence).
    public var notes: [String]

    /// Whether anything a check reads was read (assumptions, a client or a setting).
    public var isCheckable: Bool { assumptions + clients + settings > 0 }

    public init(_ context: CheckContext) {
        let guide = context.guide
        path = guide.path
        page = context.page
        assumptions = guide.assumptions.count
        clients = guide.clients.count
        settings = guide.settings.count + guide.toggles.count
        var origins: [AppSetting.Origin] = []
        for setting in guide.settings where !origins.contains(setting.origin) { origins.append(setting.origin) }
        if !guide.toggles.isEmpty, !origins.contains(.listItem) { origins.append(.listItem) }
        variants = origins.count
        codeBlocks = guide.codeBlocks.count
        profile = context.profile?.id
        profileReason = context.meanings.profileReason
        autheliaVersion = context.version.description
        autheliaVersionSource = context.versionSource
        applicationRelease = context.profile?.testedVersion(in: guide)?.text
        notes = Self.unjudged(context)
    }

    /// Profile facts a setting decides, when the guide shows none of the application's
    /// settings: its silence says nothing about the setting, so the fact is not judged.
    static func unjudged(_ context: CheckContext) -> [String] {
        guard let profile = context.profile, context.guide.settings.isEmpty, context.guide.toggles.isEmpty else { return [] }
        let facts: [(ApplicationProfile.SettingChoice?, String)] = [
            (profile.tokenAuthMethod, "the auth method it sends"),
            (profile.pkce, "whether it uses PKCE"),
            (profile.claimsFrom, "where it reads claims"),
        ]
        return facts.compactMap { choice, what in
            guard let setting = choice?.setting else { return nil }
            return "the guide does not show how \(profile.name) is configured; \(setting) decides \(what), so it was not judged"
        }
    }

    /// `--verbose`: one block per guide.
    public var text: String {
        var lines = ["guidekit: \(path): \(page.pageClass.rawValue) (\(page.reason))"]
        lines.append("  read: \(assumptions) assumption(s), \(clients) client(s), \(settings) application setting(s) in \(variants) variant(s), \(codeBlocks) code block(s)")
        if let profile {
            lines.append("  profile: '\(profile)' (\(profileReason ?? "given"))" + (applicationRelease.map { ", facts for release \($0) from Tested Versions" } ?? ""))
        } else {
            lines.append("  profile: none")
        }
        lines.append("  authelia: \(autheliaVersion) (\(autheliaVersionSource))")
        lines += notes.map { "  note: \($0)" }
        if !isCheckable { lines.append("  nothing checkable was read") }
        return lines.joined(separator: "\n") + "\n"
    }
}
