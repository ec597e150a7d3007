import Foundation
import GuideDocument

/// Picks a guide's application profile: the front matter's `application` (profile id or
/// name), else the file name, else the title.
public enum ProfileMatcher {
    public static func profile(for guide: Guide, in profiles: [ApplicationProfile]) -> ApplicationProfile? {
        // The guide's side is lower-cased once; the profiles' match lists are lower-cased when
        // they load (this runs for every guide against every profile).
        if let declared = guide.frontMatter?["application"]?.string?.lowercased() {
            return profiles.first { $0.id.lowercased() == declared || $0.name.lowercased() == declared }
        }
        let stem = Guide.name(forPath: guide.path).lowercased()
        if let byFile = profiles.first(where: { $0.matchFiles.contains(stem) }) { return byFile }
        guard let title = guide.title?.lowercased() else { return nil }
        return profiles.first { $0.matchTitles.contains(title) }
    }
}
