import Foundation
import GuideDocument

/// Picks a guide's application profile: the front matter's `application` (profile id or
/// name), else the file name, else the title.
public enum ProfileMatcher {
    public static func profile(for guide: Guide, in profiles: [ApplicationProfile]) -> ApplicationProfile? {
        match(for: guide, in: profiles)?.profile
    }

    /// The profile and why it was chosen, in words (`--verbose`, `extract`).
    public static func match(for guide: Guide, in profiles: [ApplicationProfile]) -> (profile: ApplicationProfile, reason: String)? {
        // The guide's side is lower-cased once; the profiles' match lists are lower-cased when
        // they load (this runs for every guide against every profile).
        if let written = guide.frontMatter?["application"]?.string {
            let declared = written.lowercased()
            return profiles.first { $0.id.lowercased() == declared || $0.name.lowercased() == declared }
                .map { ($0, "front matter 'application: \(written)'") }
        }
        let stem = Guide.name(forPath: guide.path).lowercased()
        if let byFile = profiles.first(where: { $0.matchFiles.contains(stem) }) { return (byFile, "file name '\(stem)'") }
        guard let title = guide.title?.lowercased() else { return nil }
        if let exact = profiles.first(where: { $0.matchTitles.contains(title) }) { return (exact, "title '\(guide.title ?? "")'") }
        return byTitlePrefix(title, in: profiles).map { ($0, "title '\(guide.title ?? "")' starts with its name") }
    }

    /// A title that starts with an application's name and goes on ("Proxmox VE through
    /// Authelia", "Gitea: single sign-on"): the longest name followed by a space, colon, comma
    /// or parenthesis.
    static func byTitlePrefix(_ title: String, in profiles: [ApplicationProfile]) -> ApplicationProfile? {
        var best: (profile: ApplicationProfile, length: Int)?
        for profile in profiles {
            for name in profile.matchTitles where name.count > (best?.length ?? 1) && title.hasPrefix(name) {
                let next = title[title.index(title.startIndex, offsetBy: name.count)...].first
                // A space or a colon ends the name; a hyphen joins another word ("Gitea-ish").
                if let next, next != " ", next != ":", next != "," , next != "(" { continue }
                best = (profile, name.count)
            }
        }
        return best?.profile
    }
}
