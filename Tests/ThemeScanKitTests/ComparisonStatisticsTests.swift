import Foundation
import Testing

@testable import ThemeScanKit

/// The statistics behind `compare`, checked against values computed independently with SciPy 1.17.1 and
/// statsmodels 0.15.0; each reference names the Python expression that produced it.
@Suite struct ComparisonStatisticsTests {
    /// |a − b| within `relative` of |b|.
    private func close(_ a: Double?, _ b: Double, relative: Double = 1e-10) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= relative * abs(b)
    }

    @Test(arguments: [
        // scipy.stats.chi2.sf(x, df)
        (1, 3.841458820694124, 0.04999999999999989),
        (1, 0.5, 0.47950012218695337),
        (2, 10.0, 0.006737946999085468),
        (3, 0.01, 0.9997348349413444),
        (5, 1.0, 0.9625657732472964),
        (7, 7.9, 0.3414944175454494),
        (10, 25.0, 0.005345505487134069),
        (20, 19.5, 0.4895712391149851),
        (30, 20.0, 0.9165415270653372),
        (50, 80.0, 0.00448265656557319),
        (1, 500.0, 9.505397766554137e-111),
        (1, 1000.0, 1.7958327848007363e-219),
        (50, 1000.0, 7.188706215514871e-177),
    ])
    func chiSquareSurvivalMatchesSciPy(degreesOfFreedom: Int, x: Double, expected: Double) {
        let distribution = ChiSquareDistribution(degreesOfFreedom: degreesOfFreedom)
        #expect(close(distribution.survival(x), expected), "df \(degreesOfFreedom), x \(x)")
        #expect(abs(distribution.cumulative(x) + distribution.survival(x) - 1) < 1e-14)
    }

    @Test func chiSquareSurvivalMatchesClosedFormsOnAGrid() {
        // Closed forms (Abramowitz & Stegun 26.4.4 and 26.4.21): for one degree of freedom Q = erfc(√(x/2)); for
        // an even number 2m, Q = e^(−x/2) Σ_{k<m} (x/2)^k / k!, summed here in log space. Checked for x up to
        // 1000 wherever the value is representable.
        var worst = 0.0
        for x in stride(from: 0.125, through: 1000, by: 1.375) {
            let half = x / 2
            let one = erfc(half.squareRoot())
            if one > 1e-300 {
                worst = max(worst, abs(ChiSquareDistribution(degreesOfFreedom: 1).survival(x) - one) / one)
            }
            for m in 1...25 {
                var logFactorial = 0.0
                var sum = 0.0
                for k in 0..<m {
                    if k > 0 { logFactorial += log(Double(k)) }
                    sum += exp(Double(k) * log(half) - logFactorial - half)
                }
                guard sum > 1e-300 else { continue }
                worst = max(worst, abs(ChiSquareDistribution(degreesOfFreedom: 2 * m).survival(x) - sum) / sum)
            }
        }
        #expect(worst < 1e-10)
    }

    @Test func chiSquareSurvivalAtTheEdges() {
        let distribution = ChiSquareDistribution(degreesOfFreedom: 1)
        #expect(distribution.survival(0) == 1)
        #expect(distribution.survival(-3) == 1)
        // scipy.stats.chi2.sf(1e6, 1) == 0.0
        #expect(distribution.survival(1e6) == 0)
        #expect(distribution.survival(.infinity) == 0)
        #expect(ChiSquareDistribution(degreesOfFreedom: 40).survival(1e9) == 0)
        #expect(distribution.survival(.nan).isNaN)
    }

    @Test func logGammaMatchesSciPy() {
        // scipy.special.gammaln(0.5), gammaln(10.0), gammaln(100.5), gammaln(1000.0)
        #expect(close(GammaFunction.logGamma(0.5), 0.5723649429247, relative: 1e-13))
        #expect(close(GammaFunction.logGamma(10), 12.801827480081469, relative: 1e-14))
        #expect(close(GammaFunction.logGamma(100.5), 361.43554046777757, relative: 1e-14))
        #expect(close(GammaFunction.logGamma(1000), 5905.220423209181, relative: 1e-14))
        #expect(GammaFunction.logFactorial(0) == 0)
        #expect(GammaFunction.logFactorial(1) == 0)
        #expect(close(GammaFunction.logFactorial(5), log(120.0), relative: 1e-14))
    }

    @Test func twoGroupG2MatchesSciPyAndKeyness() throws {
        // O = [30, 10], N = [10000, 12000], E = N·ΣO/ΣN;
        // scipy.stats.power_divergence(O, f_exp=E, lambda_='log-likelihood') -> (14.443346123757848, 0.00014443924119821416)
        let groups = [RateCount(occurrences: 30, tokens: 10_000), RateCount(occurrences: 10, tokens: 12_000)]
        let result = try #require(LogLikelihood.rateTest(groups).result)
        #expect(result.method == .logLikelihood)
        #expect(result.degreesOfFreedom == 1)
        #expect(close(result.statistic, 14.443346123757848))
        #expect(close(result.p, 0.00014443924119821416, relative: 1e-9))
        let keyness = LogLikelihood.keyness(targetCount: 30, targetTotal: 10_000, referenceCount: 10, referenceTotal: 12_000)
        #expect(close(keyness, 14.443346123757848))
    }

    @Test func threeGroupG2MatchesSciPy() throws {
        // O = [12, 30, 5], N = [8000, 15000, 6000]; scipy.stats.power_divergence(O, f_exp=N*O.sum()/N.sum(),
        // lambda_='log-likelihood') -> (4.10871131823617, 0.12817539762436955)
        let groups = [
            RateCount(occurrences: 12, tokens: 8000), RateCount(occurrences: 30, tokens: 15_000),
            RateCount(occurrences: 5, tokens: 6000),
        ]
        let result = try #require(LogLikelihood.rateTest(groups).result)
        #expect(result.degreesOfFreedom == 2)
        #expect(close(result.statistic, 4.10871131823617))
        #expect(close(result.p, 0.12817539762436955, relative: 1e-9))
    }

    @Test func zeroCellContributesNothing() throws {
        // O = [0, 8], N = [5000, 4000]: power_divergence(...) -> (12.97488345946126, 0.0003156975096320003)
        let groups = [RateCount(occurrences: 0, tokens: 5000), RateCount(occurrences: 8, tokens: 4000)]
        let result = try #require(LogLikelihood.rateTest(groups).result)
        #expect(close(result.statistic, 12.97488345946126))
        #expect(close(result.p, 0.0003156975096320003, relative: 1e-9))
        // math.log2((0.5/5000)/(8/4000)) == -4.321928094887363; (0.5/5000-8/4000)*100/(8/4000) == -95.0
        #expect(close(LogRatio.comparison(targetCount: 0, targetTotal: 5000, referenceCount: 8, referenceTotal: 4000), -4.321928094887363))
        #expect(close(PercentDifference.value(targetCount: 0, targetTotal: 5000, referenceCount: 8, referenceTotal: 4000), -95))
        // Zero in the reference: (8/4000-0.5/5000)*100/(0.5/5000) == 1900.0, finite.
        #expect(close(PercentDifference.value(targetCount: 8, targetTotal: 4000, referenceCount: 0, referenceTotal: 5000), 1900))
    }

    @Test func groupWithoutTokensIsLeftOutNotDividedBy() throws {
        let groups = [
            RateCount(occurrences: 30, tokens: 10_000), RateCount(occurrences: 0, tokens: 0),
            RateCount(occurrences: 10, tokens: 12_000),
        ]
        let result = try #require(LogLikelihood.rateTest(groups).result)
        #expect(result.excludedGroups == [1])
        #expect(result.degreesOfFreedom == 1)
        #expect(close(result.statistic, 14.443346123757848))
        #expect(LogLikelihood.rateTest([groups[0], groups[1]]) == .untested(.fewerThanTwoGroups))
        #expect(LogRatio.comparison(targetCount: 3, targetTotal: 0, referenceCount: 2, referenceTotal: 10) == nil)
        #expect(PercentDifference.value(targetCount: 3, targetTotal: 100, referenceCount: 2, referenceTotal: 0) == nil)
    }

    @Test func noOccurrencesAnywhereIsNotTested() {
        let groups = [RateCount(occurrences: 0, tokens: 100), RateCount(occurrences: 0, tokens: 200)]
        #expect(LogLikelihood.rateTest(groups) == .untested(.noOccurrences))
        #expect(LogRatio.comparison(targetCount: 0, targetTotal: 100, referenceCount: 0, referenceTotal: 200) == nil)
        #expect(PercentDifference.value(targetCount: 0, targetTotal: 100, referenceCount: 0, referenceTotal: 200) == nil)
    }

    @Test func logRatioAndPercentDifferenceMatchPython() {
        // math.log2((30/10000)/(10/12000)) == 1.84799690655495; (30/10000-10/12000)*100/(10/12000) == 259.99999999999994
        #expect(close(LogRatio.comparison(targetCount: 30, targetTotal: 10_000, referenceCount: 10, referenceTotal: 12_000), 1.84799690655495))
        #expect(close(PercentDifference.value(targetCount: 30, targetTotal: 10_000, referenceCount: 10, referenceTotal: 12_000), 260))
    }

    @Test func swappingGroupsFlipsEffectSignsAndKeepsG2() throws {
        let a = RateCount(occurrences: 17, tokens: 9_000)
        let b = RateCount(occurrences: 41, tokens: 13_500)
        let forward = try #require(LogLikelihood.rateTest([a, b]).result)
        let backward = try #require(LogLikelihood.rateTest([b, a]).result)
        #expect(close(forward.statistic, try #require(backward.statistic)))
        #expect(close(forward.p, backward.p))
        let ratio = try #require(LogRatio.comparison(targetCount: a.occurrences, targetTotal: a.tokens, referenceCount: b.occurrences, referenceTotal: b.tokens))
        let swappedRatio = try #require(LogRatio.comparison(targetCount: b.occurrences, targetTotal: b.tokens, referenceCount: a.occurrences, referenceTotal: a.tokens))
        #expect(ratio < 0 && swappedRatio > 0)
        #expect(close(ratio, -swappedRatio))
        let difference = try #require(PercentDifference.value(targetCount: a.occurrences, targetTotal: a.tokens, referenceCount: b.occurrences, referenceTotal: b.tokens))
        let swappedDifference = try #require(PercentDifference.value(targetCount: b.occurrences, targetTotal: b.tokens, referenceCount: a.occurrences, referenceTotal: a.tokens))
        #expect(difference < 0 && swappedDifference > 0)
        // %DIFF = (2^logRatio − 1)·100 on both sides.
        #expect(close(difference, (pow(2, ratio) - 1) * 100))
        #expect(close(swappedDifference, (pow(2, swappedRatio) - 1) * 100))
        let cases = (ProportionCount(coded: 12, total: 62), ProportionCount(coded: 3, total: 40))
        #expect(close(CaseProportionTest.test([cases.0, cases.1]).p, try #require(CaseProportionTest.test([cases.1, cases.0]).p)))
        #expect(CaseProportionTest.differenceInPercentagePoints(target: cases.0, reference: cases.1)
            == -CaseProportionTest.differenceInPercentagePoints(target: cases.1, reference: cases.0)!)
    }

    @Test func fisherTeaTasting() {
        // Fisher's lady tasting tea, [[3, 1], [1, 3]]: scipy.stats.fisher_exact([[3,1],[1,3]])[1] == 0.48571428571428565
        // (R documents the same table in ?fisher.test with p-value = 0.4857).
        #expect(close(FisherExactTest.twoSidedP(3, 1, 1, 3), 0.48571428571428565))
    }

    @Test func fisherWithHundredsOfCasesDoesNotOverflow() {
        // scipy.stats.fisher_exact([[2,598],[9,491]])[1] == 0.028149404426773644
        #expect(close(FisherExactTest.twoSidedP(2, 598, 9, 491), 0.028149404426773644, relative: 1e-9))
        // scipy.stats.fisher_exact([[40,460],[70,430]])[1] == 0.0032332250540309834
        #expect(close(FisherExactTest.twoSidedP(40, 460, 70, 430), 0.0032332250540309834, relative: 1e-9))
        // A table in which no other arrangement is possible.
        #expect(FisherExactTest.twoSidedP(0, 5, 0, 7) == 1)
    }

    @Test func caseTestChoosesFisherForSmallExpectedCounts() throws {
        // 3 of 40 against 5 of 300: the expected coded count of the first group is 8·40/340 ≈ 0.94 < 5.
        // scipy.stats.fisher_exact([[3,37],[5,295]])[1] == 0.05564158354338102
        let result = try #require(
            CaseProportionTest.test([ProportionCount(coded: 3, total: 40), ProportionCount(coded: 5, total: 300)]).result)
        #expect(result.method == .fisher)
        #expect(close(result.p, 0.05564158354338102, relative: 1e-9))
    }

    @Test func caseTestUsesChiSquareWithoutCorrection() throws {
        // 12 of 62 against 3 of 40 (smallest expected count 5.88):
        // scipy.stats.chi2_contingency([[12,50],[3,37]], correction=False) -> (2.7241601779755293, 0.09884009869208452, dof 1)
        let two = try #require(
            CaseProportionTest.test([ProportionCount(coded: 12, total: 62), ProportionCount(coded: 3, total: 40)]).result)
        #expect(two.method == .chiSquare)
        #expect(two.degreesOfFreedom == 1)
        #expect(close(two.statistic, 2.7241601779755293))
        #expect(close(two.p, 0.09884009869208452, relative: 1e-9))
        // chi2_contingency([[12,50],[3,37],[20,60]], correction=False) -> (5.258709677419355, 0.07212497947641555, dof 2)
        let three = try #require(
            CaseProportionTest.test([
                ProportionCount(coded: 12, total: 62), ProportionCount(coded: 3, total: 40),
                ProportionCount(coded: 20, total: 80),
            ]).result)
        #expect(three.method == .chiSquare)
        #expect(three.degreesOfFreedom == 2)
        #expect(close(three.statistic, 5.258709677419355))
        #expect(close(three.p, 0.07212497947641555, relative: 1e-9))
        let difference = CaseProportionTest.differenceInPercentagePoints(
            target: ProportionCount(coded: 12, total: 62), reference: ProportionCount(coded: 3, total: 40))
        #expect(close(difference, 1200.0 / 62 - 7.5))
    }

    @Test func caseTestWithoutVariationIsNotRun() {
        #expect(CaseProportionTest.test([ProportionCount(coded: 0, total: 10), ProportionCount(coded: 0, total: 8)])
            == .untested(.noOccurrences))
        #expect(CaseProportionTest.test([ProportionCount(coded: 10, total: 10), ProportionCount(coded: 8, total: 8)])
            == .untested(.everyCaseCoded))
        #expect(CaseProportionTest.test([ProportionCount(coded: 3, total: 10), ProportionCount(coded: 0, total: 0)])
            == .untested(.fewerThanTwoGroups))
        let excluded = CaseProportionTest.test([
            ProportionCount(coded: 0, total: 0), ProportionCount(coded: 1, total: 5), ProportionCount(coded: 6, total: 8),
        ])
        #expect(excluded.result?.excludedGroups == [0])
    }

    @Test func benjaminiHochbergMatchesStatsmodels() {
        // statsmodels.stats.multitest.multipletests([0.01,0.04,0.03,0.005,0.2,0.04], method='fdr_bh')[1]
        //   -> [0.03, 0.048, 0.048, 0.03, 0.2, 0.048]; untested entries (nil, NaN) are neither adjusted nor counted.
        let adjusted = PValueAdjustment.benjaminiHochberg.adjusted([0.01, nil, 0.04, 0.03, .nan, 0.005, 0.2, 0.04])
        let expected: [Double?] = [0.03, nil, 0.048, 0.048, nil, 0.03, 0.2, 0.048]
        #expect(adjusted.count == expected.count)
        for (value, reference) in zip(adjusted, expected) {
            if let reference { #expect(close(value, reference, relative: 1e-12)) } else { #expect(value == nil) }
        }
        #expect(PValueAdjustment.benjaminiHochberg.adjusted([0.9, 0.95]) == [0.95, 0.95])
    }

    @Test func bonferroniMatchesStatsmodels() {
        // multipletests([0.01,0.04,0.03,0.005,0.2,0.04], method='bonferroni')[1] -> [0.06, 0.24, 0.18, 0.03, 1.0, 0.24]
        let adjusted = PValueAdjustment.bonferroni.adjusted([0.01, 0.04, 0.03, 0.005, 0.2, nil, 0.04])
        let expected: [Double?] = [0.06, 0.24, 0.18, 0.03, 1.0, nil, 0.24]
        for (value, reference) in zip(adjusted, expected) {
            if let reference { #expect(close(value, reference, relative: 1e-12)) } else { #expect(value == nil) }
        }
        #expect(PValueAdjustment.none.adjusted([0.2, nil]) == [0.2, nil])
    }
}
