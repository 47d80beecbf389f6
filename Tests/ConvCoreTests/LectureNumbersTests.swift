import Testing
import ConvCore

/// The pooling examples of the lecture (LECTURE.md, section 3), exactly.
private func map2D(_ rows: [[Float]]) throws -> Tensor {
    try Tensor(shape: [1, rows.count, rows[0].count, 1], storage: rows.flatMap { $0 })
}

@Test func lectureMaxPoolF2S2() throws {
    let a = try map2D([[1, 3, 2, 1], [2, 9, 1, 1], [1, 3, 2, 3], [5, 6, 1, 2]])
    let p = try Pool2D.forward(a, kind: .max, size: 2, stride: 2)
    #expect(p.shape == [1, 2, 2, 1])
    #expect(p.storage == [9, 2, 6, 3])
}

@Test func lectureMaxPoolF3S1OnBothFiveByFiveMaps() throws {
    let first = try map2D([[1, 3, 2, 1, 3], [2, 9, 1, 1, 5], [1, 3, 2, 3, 2], [8, 3, 5, 1, 0], [5, 6, 1, 2, 9]])
    let p1 = try Pool2D.forward(first, kind: .max, size: 3, stride: 1)
    #expect(p1.shape == [1, 3, 3, 1])
    #expect(p1.storage == [9, 9, 5, 9, 9, 5, 8, 6, 9])

    let second = try map2D([[1, 3, 2, 1, 3], [2, 9, 1, 1, 5], [1, 8, 2, 1, 2], [8, 3, 8, 1, 0], [5, 6, 1, 2, 9]])
    let p2 = try Pool2D.forward(second, kind: .max, size: 3, stride: 1)
    #expect(p2.storage == [9, 9, 5, 9, 9, 8, 8, 8, 9])
}

@Test func lectureAveragePoolF2S2() throws {
    let a = try map2D([[1, 3, 2, 1], [2, 9, 1, 1], [1, 4, 2, 3], [5, 6, 1, 2]])
    let p = try Pool2D.forward(a, kind: .average, size: 2, stride: 2)
    #expect(p.storage == [3.75, 1.25, 4, 2])
}

@Test func lecturePoolingIsPerChannel4x4x10To2x2x10() throws {
    // Channel k holds the lecture's 4×4 map plus 10·k; each channel must pool on its own.
    let base: [Float] = [1, 3, 2, 1, 2, 9, 1, 1, 1, 3, 2, 3, 5, 6, 1, 2]
    var storage = [Float](repeating: 0, count: 160)
    for pixel in 0..<16 {
        for k in 0..<10 { storage[pixel * 10 + k] = base[pixel] + Float(10 * k) }
    }
    let a = try Tensor(shape: [1, 4, 4, 10], storage: storage)
    for kind in PoolKind.allCases {
        let p = try Pool2D.forward(a, kind: kind, size: 2, stride: 2)
        #expect(p.shape == [1, 2, 2, 10])
        let expected: [Float] = kind == .max ? [9, 2, 6, 3] : [3.75, 1.25, 3.75, 2]
        for k in 0..<10 {
            #expect((0..<4).map { p.storage[$0 * 10 + k] } == expected.map { $0 + Float(10 * k) })
        }
    }
}

@Test func maxPoolTiesSendTheGradientToTheFirstPositionOnly() throws {
    // Window [[9, 9], [1, 9]]: three tied maxima. The course's mask would pass 3·dP on;
    // cnnlab sends dP to the first maximum in row-major order, (0, 0).
    let a = try map2D([[9, 9], [1, 9]])
    let dP = try Tensor(shape: [1, 1, 1, 1], storage: [5])
    let dA = try Pool2D.backward(dP, input: a, kind: .max, size: 2, stride: 2)
    #expect(dA.storage == [5, 0, 0, 0])
}
