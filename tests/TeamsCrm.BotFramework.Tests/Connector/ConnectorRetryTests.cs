using TeamsCrm.BotFramework.Connector;
using TeamsCrm.BotFramework.Schema;

namespace TeamsCrm.BotFramework.Tests.Connector;

public class ConnectorRetryTests
{
    static Activity Hello() => new() { Type = ActivityTypes.Message, Text = "hello" };

    [Fact]
    public async Task Throttled_429_waits_exactly_the_Retry_After_then_succeeds()
    {
        var clock = new TimerWatchingClock();
        await using var c = await ConnectorHarness.StartAsync(clock);
        c.Fake.FailNext(429, """{"error":{"code":"TooManyRequests"}}""", retryAfter: TimeSpan.FromSeconds(2));

        var sending = c.Client.SendAsync(c.Url, "a:1", Hello());
        await clock.WaitForTimerAsync(TimeSpan.FromSeconds(2));
        clock.Advance(TimeSpan.FromMilliseconds(1999));

        Assert.Single(c.Fake.Calls);          // the timer is not due yet: nothing can have retried
        Assert.False(sending.IsCompleted);

        clock.Advance(TimeSpan.FromMilliseconds(1));
        var response = await sending;

        Assert.StartsWith("activity-", response.Id, StringComparison.Ordinal);
        Assert.Equal(2, c.Fake.Calls.Count);
    }

    [Fact]
    public async Task A_Retry_After_longer_than_a_turn_can_wait_is_not_waited_for()
    {
        await using var c = await ConnectorHarness.StartAsync(new TimerWatchingClock());
        c.Fake.FailNext(429, "", retryAfter: TimeSpan.FromMinutes(2));

        var error = await Assert.ThrowsAsync<ConnectorException>(() => c.Client.SendAsync(c.Url, "a:1", Hello()));

        Assert.Equal(System.Net.HttpStatusCode.TooManyRequests, error.Status);
        Assert.Single(c.Fake.Calls);
    }

    [Theory]
    [InlineData(412)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Transient_failures_are_retried_with_the_same_body(int status)
    {
        await using var c = await ConnectorHarness.StartAsync();
        c.Fake.FailNext(status);

        var response = await c.Client.SendAsync(c.Url, "a:1", Hello());

        Assert.NotNull(response.Id);
        var calls = c.Fake.Calls;
        Assert.Equal(2, calls.Count);
        Assert.Equal("hello", (string?)calls[1].Body!["text"]);
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(calls[0].Body, calls[1].Body));
    }

    [Fact]
    public async Task Retries_stop_after_MaxRetries_and_the_error_reaches_the_caller()
    {
        await using var c = await ConnectorHarness.StartAsync(maxRetries: 3);
        for (var i = 0; i < 10; i++) c.Fake.FailNext(503, """{"error":{"code":"ServiceUnavailable","message":"try later"}}""");

        var error = await Assert.ThrowsAsync<ConnectorException>(() => c.Client.SendAsync(c.Url, "a:1", Hello()));

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, error.Status);
        Assert.Equal("ServiceUnavailable", error.Code);
        Assert.Equal(4, c.Fake.Calls.Count);   // the first attempt and 3 retries
    }

    [Theory]
    [InlineData(400)]
    [InlineData(404)]
    [InlineData(413)]
    public async Task Other_failures_are_not_retried(int status)
    {
        await using var c = await ConnectorHarness.StartAsync();
        c.Fake.FailNext(status);

        var error = await Assert.ThrowsAsync<ConnectorException>(() => c.Client.SendAsync(c.Url, "a:1", Hello()));

        Assert.Equal(status, (int)error.Status);
        Assert.Single(c.Fake.Calls);
    }

    [Fact]
    public async Task A_Retry_After_that_would_end_after_the_calls_deadline_is_not_waited_for()
    {
        var clock = new TimerWatchingClock();
        await using var c = await ConnectorHarness.StartAsync(clock, maxRetries: 5);
        for (var i = 0; i < 4; i++) c.Fake.FailNext(429, """{"error":{"code":"TooManyRequests"}}""", retryAfter: TimeSpan.FromSeconds(9));

        var sending = c.Client.SendAsync(c.Url, "a:1", Hello());
        for (var wait = 1; wait <= 3; wait++)   // at 0 s, 9 s and 18 s a 9-second wait still ends before the 30-second deadline
        {
            await clock.WaitForTimerAsync(TimeSpan.FromSeconds(9));
            clock.Advance(TimeSpan.FromSeconds(9));
        }
        var error = await Assert.ThrowsAsync<ConnectorException>(() => sending.WaitAsync(TimeSpan.FromSeconds(30)));   // at 27 s it would not: the 429 now

        Assert.Equal(System.Net.HttpStatusCode.TooManyRequests, error.Status);
        Assert.Equal(4, c.Fake.Calls.Count);
    }

    [Fact]
    public async Task A_send_left_unanswered_is_given_up_at_the_deadline_and_not_sent_again()
    {
        var clock = new TimerWatchingClock();
        await using var c = await ConnectorHarness.StartAsync(clock);
        var arrived = c.Fake.HangNext();

        var sending = c.Client.SendAsync(c.Url, "a:1", Hello());
        await arrived.WaitAsync(TimeSpan.FromSeconds(30));
        clock.Advance(new ConnectorRetryOptions().CallTimeout);

        var error = await Assert.ThrowsAsync<TimeoutException>(() => sending.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("not retried", error.Message, StringComparison.Ordinal);   // the handler's, not the test's own limit
        Assert.Single(c.Fake.Calls);   // it may have been posted: asking again could post it twice
    }
}
