import Foundation
import SigV4
import Testing
@testable import AWSClient

@Suite struct RefreshingCredentialProviderTests {
    /// Counts its calls; each answer expires `lifetime` seconds after the clock's time; can be made to fail.
    final class CountingProvider: CredentialProvider {
        let name = "counting source"
        let clock: CredsTestClock
        let lifetime: TimeInterval?
        let delay: Duration
        private let state = CredsLocked((calls: 0, failing: false))

        init(clock: CredsTestClock, lifetime: TimeInterval? = 3600, delay: Duration = .zero) {
            self.clock = clock
            self.lifetime = lifetime
            self.delay = delay
        }

        var calls: Int { state.withLock { $0.calls } }
        func fail(_ failing: Bool) { state.withLock { $0.failing = failing } }

        func credentials() async throws -> Credentials {
            let (count, failing) = state.withLock { state in
                state.calls += 1
                return (state.calls, state.failing)
            }
            if delay > .zero { try await Task.sleep(for: delay) }
            if failing { throw CredentialError.processFailed(profile: "p", program: "tool", status: 1,
                                                              stderrFirstLine: "Token has expired") }
            return CredsSecrets.credentials("-\(count)", expiration: lifetime.map { clock.now.addingTimeInterval($0) })
        }
    }

    @Test func cachesUntilTheRefreshWindowThenRefreshes() async throws {
        let clock = CredsTestClock()
        let base = CountingProvider(clock: clock)
        let provider = RefreshingCredentialProvider(wrapping: base, refreshWindow: .seconds(300), now: { clock.now })
        #expect(try await provider.credentials().accessKeyID == CredsSecrets.keyID + "-1")
        clock.advance(by: 3600 - 300 - 1)
        #expect(try await provider.credentials().accessKeyID == CredsSecrets.keyID + "-1")
        #expect(base.calls == 1)
        clock.advance(by: 1)
        #expect(try await provider.credentials().accessKeyID == CredsSecrets.keyID + "-2")
        #expect(base.calls == 2)
        #expect(provider.name == "counting source")
        CredsSecrets.expectAbsent(from: CredsSecrets.printed(provider))
    }

    @Test func credentialsWithoutExpirationAreFetchedOnce() async throws {
        let clock = CredsTestClock()
        let base = CountingProvider(clock: clock, lifetime: nil)
        let provider = RefreshingCredentialProvider(wrapping: base, now: { clock.now })
        for _ in 0..<5 { _ = try await provider.credentials() }
        clock.advance(by: 86_400 * 365)
        _ = try await provider.credentials()
        #expect(base.calls == 1)
    }

    @Test func concurrentCallersShareOneRefresh() async throws {
        let clock = CredsTestClock()
        let base = CountingProvider(clock: clock, delay: .milliseconds(50))
        let provider = RefreshingCredentialProvider(wrapping: base, now: { clock.now })
        let keys = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<20 { group.addTask { try await provider.credentials().accessKeyID } }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(keys == [CredsSecrets.keyID + "-1"])
        #expect(base.calls == 1)
        clock.advance(by: 3600)
        let refreshed = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<20 { group.addTask { try await provider.credentials().accessKeyID } }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(refreshed == [CredsSecrets.keyID + "-2"])
        #expect(base.calls == 2)
    }

    @Test func aFailedRefreshKeepsCredentialsThatHaveNotExpired() async throws {
        let clock = CredsTestClock()
        let base = CountingProvider(clock: clock)
        let provider = RefreshingCredentialProvider(wrapping: base, now: { clock.now })
        _ = try await provider.credentials()
        base.fail(true)
        clock.advance(by: 3600 - 60)
        #expect(try await provider.credentials().accessKeyID == CredsSecrets.keyID + "-1")
        #expect(base.calls == 2)
    }

    @Test func expiredCredentialsThatCannotBeRefreshedAreAnError() async throws {
        let clock = CredsTestClock()
        let base = CountingProvider(clock: clock)
        let provider = RefreshingCredentialProvider(
            wrapping: base, now: { clock.now }, advice: "run 'aws sso login' and try again"
        )
        _ = try await provider.credentials()
        base.fail(true)
        clock.advance(by: 3600 + 1)
        let error = await credentialError { _ = try await provider.credentials() }
        #expect(error?.description == "The credentials from counting source expired at 2027-01-15T09:00:00Z and "
            + "could not be refreshed: run 'aws sso login' and try again.")
        CredsSecrets.expectAbsent(from: CredsSecrets.printed(error as Any, provider))
    }

    @Test func aFirstFetchFailureIsPassedOn() async throws {
        let clock = CredsTestClock()
        let base = CountingProvider(clock: clock)
        base.fail(true)
        let provider = RefreshingCredentialProvider(wrapping: base, now: { clock.now })
        let error = await credentialError { _ = try await provider.credentials() }
        #expect(error == .processFailed(profile: "p", program: "tool", status: 1, stderrFirstLine: "Token has expired"))
    }

    @Test func aSeedIsUsedBeforeTheFirstFetch() async throws {
        let clock = CredsTestClock()
        let base = CountingProvider(clock: clock)
        let seed = CredsSecrets.credentials("-seed", expiration: clock.now.addingTimeInterval(600))
        let provider = RefreshingCredentialProvider(wrapping: base, now: { clock.now }, seed: seed)
        #expect(try await provider.credentials() == seed)
        #expect(base.calls == 0)
    }
}
