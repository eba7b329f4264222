import Foundation

/// The spots a word-cloud word tries, in order: an Archimedean spiral out from the centre of an area, stretched to
/// the area's aspect ratio so it fills a wide canvas evenly, keeping only the points inside the area.
///
/// Computed once per layout and shared by every word, since the spiral does not depend on the word.
struct ArchimedeanSpiral {
    /// The points, centre first.
    let points: [(x: Double, y: Double)]

    /// A spiral whose turns are `turnSpacing` apart and whose points are about `stepLength` apart, both measured
    /// along the area's shorter (vertical) axis.
    init(area: ChartRect, turnSpacing: Double = 4, stepLength: Double = 3) {
        let centreX = area.x + area.width / 2
        let centreY = area.y + area.height / 2
        let aspect = area.height > 0 ? area.width / area.height : 1
        // r = turnSpacing · t / 2π in vertical units; the spiral ends once it has passed the area's corners.
        let outermost = ((area.width / 2 / aspect) * (area.width / 2 / aspect) + (area.height / 2) * (area.height / 2))
            .squareRoot() + turnSpacing
        var points: [(x: Double, y: Double)] = []
        var angle = 0.0
        while true {
            let radius = turnSpacing * angle / (2 * Double.pi)
            if radius > outermost { break }
            let x = centreX + aspect * radius * cos(angle)
            let y = centreY + radius * sin(angle)
            if abs(x - centreX) <= area.width / 2, abs(y - centreY) <= area.height / 2 {
                points.append((x, y))
            }
            angle += stepLength / max(radius, stepLength)
        }
        self.points = points
    }
}
