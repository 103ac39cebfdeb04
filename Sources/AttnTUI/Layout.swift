// Layout: where each panel goes for a terminal of width x height: a title row, the layer list on
// the left, the main view, a side panel (bars, windows, top-5) on the right, the colour bar and
// the status line at the bottom. Below the minimum size nothing but a notice is drawn.

public struct Rect: Equatable, Sendable {
    public var x: Int, y: Int, width: Int, height: Int
    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
}

public struct Layout: Equatable, Sendable {
    public static let minimumWidth = 60
    public static let minimumHeight = 18

    public let title: Rect
    public let layers: Rect
    public let main: Rect
    public let side: Rect
    public let colorBar: Rect
    public let status: Rect

    public static func fits(width: Int, height: Int) -> Bool {
        width >= minimumWidth && height >= minimumHeight
    }

    public init(width: Int, height: Int) {
        let layersWidth = width >= 120 ? 18 : 15
        let sideWidth = min(48, max(24, width / 4))
        let bodyTop = 1, bodyHeight = height - 3
        title = Rect(x: 0, y: 0, width: width, height: 1)
        layers = Rect(x: 0, y: bodyTop, width: layersWidth, height: bodyHeight)
        side = Rect(x: width - sideWidth, y: bodyTop, width: sideWidth, height: bodyHeight)
        main = Rect(x: layersWidth + 1, y: bodyTop, width: width - layersWidth - sideWidth - 2, height: bodyHeight)
        colorBar = Rect(x: 0, y: height - 2, width: width, height: 1)
        status = Rect(x: 0, y: height - 1, width: width, height: 1)
    }
}
