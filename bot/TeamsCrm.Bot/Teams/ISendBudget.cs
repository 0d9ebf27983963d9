namespace TeamsCrm.Bot.Teams;

/// <summary>
/// Teams' send limits per conversation and per tenant, kept before the connector has to say 429: a send waits its turn
/// here. <see cref="SendPacer"/> keeps the budget for one instance; <see cref="RedisSendBudget"/> one budget for all.
/// </summary>
public interface ISendBudget
{
    Task WaitTurnAsync(string tenantId, string conversationId, CancellationToken ct);
}
