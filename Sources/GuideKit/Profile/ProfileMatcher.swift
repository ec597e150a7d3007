import Foundation

/// Picks a guide's application profile: the front matter's `application` (profile id or
/// name), else the file name, else the title.
public enum ProfileMatcher {
    public static func profile(for guide: Guide, in profiles: [ApplicationProfile]) -> ApplicationProfile? {
        // Lower-cased equality, not Foundation's locale-aware comparison (a visible cost:
        // this runs for every guide against every profile).
        func same(_ a: String, _ b: String) -> Bool { a == b || a.lowercased() == b.lowercased() }
        if let declared = guide.frontMatter?["application"]?.string {
            return profiles.first { same($0.id, declared) || same($0.name, declared) }
        }
        // The guide's side lower-cased once, not once per profile.
        let stem = Guide.name(forPath: guide.path).lowercased()
        if let byFile = profiles.first(where: { $0.matchFiles.contains { $0.lowercased() == stem } }) { return byFile }
        guard let title = guide.title?.lowercased() else { return nil }
        return profiles.first { $0.matchTitles.contains { $0.lowercased() == title } }
    }
}
