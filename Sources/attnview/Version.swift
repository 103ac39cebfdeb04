// The version that `attnview --version` prints.
enum AttnViewVersion {
    static let string = "0.1.0"
}
