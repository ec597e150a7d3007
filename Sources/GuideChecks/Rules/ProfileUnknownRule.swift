import GuideDocument
import GuideKnowledge

/// `profile-unknown`: a guide is checked with its application's profile, or says plainly
/// that it is not.
struct ProfileUnknownRule: GuideRule {
    static let description = RuleDescription(
        id: "profile-unknown",
        kind: .profile,
        severity: .warning,
        summary: "The guide names an application GuideKit has no profile for, or its client matches no profile: the application's behaviour was not checked.",
        explanation: """
            Most of what breaks a login is the application's own behaviour: the callback path \
            it builds, the token endpoint authentication it sends, where it reads claims. \
            GuideKit checks those with the application's profile, chosen by the front matter's \
            `application:` (a profile id or name), else the file name, else the title. When \
            `application:` names no profile (a typo, an id from another tool), or a guide with \
            an Authelia client matches none, those checks silently did not run; this warning \
            says so, with the closest profile. Write `application: none` for a guide about an \
            application GuideKit does not know, or add a profile (`--profiles DIR`, \
            docs/PROFILES.md). `guidekit profiles` lists the ids.
            """,
        reads: [.text],
        basis: [RuleBasis(.guideKit, "profile matching by application front matter, file name and title (docs/PROFILES.md)")],
        pages: [.guide],
        triggeringExamples: [
            """
            ---
            application: ↓grafanna
            ---
            # Grafana
            """,
        ],
        nonTriggeringExamples: [
            """
            ---
            application: grafana
            ---
            # Grafana
            """,
            """
            ---
            application: none
            ---
            # An application GuideKit does not know

            ```yaml {guide="authelia-client"}
            - client_id: 'app'
            ```
            """,
        ])

    func check(_ context: CheckContext) -> [Finding] {
        guard context.profile == nil else { return [] }
        let guide = context.guide
        let names = context.profiles.flatMap { [$0.id, $0.name] }
        if let node = guide.frontMatter?["application"], let declared = node.string {
            guard declared.lowercased() != "none" else { return [] }
            let closest = Suggestion.closest(to: declared, in: names, limit: max(2, declared.count / 3))
            return [finding(guide, at: node,
                            "no application profile is named '\(declared)'\(closest.map { " — did you mean '\($0)'?" } ?? ""); the application's own behaviour (callback path, auth method, claims) was not checked",
                            help: closest.map { "write application: \($0)" } ?? "run 'guidekit profiles' for the ids, or write application: none")]
        }
        // A guide with an Authelia client is an integration guide: say that its application
        // was not recognised, at the first client.
        guard let client = guide.clients.first else { return [] }
        let name = Guide.name(forPath: guide.path)
        let closest = Suggestion.closest(to: name, in: context.profiles.map(\.id), limit: max(2, name.count / 3))
            ?? guide.title.flatMap { Suggestion.closest(to: $0, in: context.profiles.map(\.name)) }
        return [finding(guide, at: client.node,
                        "no application profile matches this guide (file name '\(name)'\(guide.title.map { ", title '\($0)'" } ?? "")); the application's own behaviour was not checked",
                        help: closest.map { "if this guide is about \($0), add 'application: \($0)' to the front matter; else write application: none" }
                            ?? "add 'application: ID' to the front matter (guidekit profiles lists them), or application: none",
                        subject: "no profile")]
    }
}
