/// GuideKit's version: the one place it is written (`guidekit --version`, SARIF's
/// `tool.driver.version`).
public enum GuideKitVersion {
    public static let current = "0.3.0"
}
