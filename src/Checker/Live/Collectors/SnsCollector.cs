using System.Text.Json;
using Amazon.Runtime;
using Compliance.Checker.Live.Collection;
using Compliance.Rules.Inventory;
using Compliance.Rules.Policies;
using Sns = Compliance.Checker.Live.Clients.SimpleNotificationService;

namespace Compliance.Checker.Live.Collectors;

/// <summary>
/// SNS topics: ListTopics (paginated), then per topic (at most 8 at once) GetTopicAttributes for the KMS key, the access
/// policy and the number of confirmed subscriptions (SubscriptionsConfirmed, so no ListSubscriptions call is needed), and
/// ListTagsForResource for the tags (no list call returns them; a topic has at most 50, one page).
/// A targeted scan names topic ARNs, so it skips the listing and reads only those topics of this region.
/// </summary>
public sealed class SnsCollector : ICollector
{
    private const int PerTopicConcurrency = 8;

    public string Service => "sns";
    public IReadOnlyList<string> Produces { get; } = [ResourceTypes.SnsTopic];
    public bool IsGlobal => false;
    public IReadOnlyDictionary<string, string> Permissions { get; } = new Dictionary<string, string>
    {
        ["sns:ListTopics"] = "sns:ListTopics",
        ["sns:GetTopicAttributes"] = "sns:GetTopicAttributes",
        ["sns:ListTagsForResource"] = "sns:ListTagsForResource",
    };

    public async Task CollectAsync(CollectorContext context, CancellationToken cancellationToken)
    {
        if (!context.Scope.Wants(ResourceTypes.SnsTopic))
        {
            return;
        }

        var client = Sns.SimpleNotificationServiceClient.For(context.Session, context.Region);
        var arns = context.Scope.IdsFor(ResourceTypes.SnsTopic) is { } named
            ? named.Where(arn => IsTopicHere(arn, context)).Distinct(StringComparer.Ordinal).ToList()
            : await ListAsync(context, client, cancellationToken);

        using var gate = new SemaphoreSlim(PerTopicConcurrency);
        await Task.WhenAll(arns.Select(async arn =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                await ReadTopicAsync(context, client, arn, cancellationToken);
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    private static async Task<List<string>> ListAsync(CollectorContext context, Sns.IAmazonSimpleNotificationService client, CancellationToken cancellationToken)
    {
        var arns = new List<string>();
        string? token = null;
        do
        {
            var page = await context.CallAsync("sns", "ListTopics", ResourceTypes.SnsTopic,
                ct => client.ListTopicsAsync(new Sns.ListTopicsRequest { NextToken = token }, ct), cancellationToken);
            if (page is null)
            {
                break; // recorded as a collection error; the topics listed so far are still read
            }

            arns.AddRange(page.Topics.Select(t => t.TopicArn));
            token = page.NextToken;
        }
        while (!string.IsNullOrEmpty(token));

        return arns;
    }

    private static async Task ReadTopicAsync(CollectorContext context, Sns.IAmazonSimpleNotificationService client, string arn, CancellationToken cancellationToken)
    {
        var read = await context.CallAsync("sns", "GetTopicAttributes", ResourceTypes.SnsTopic, async ct =>
        {
            try
            {
                return new TopicRead(true, (await client.GetTopicAttributesAsync(new Sns.GetTopicAttributesRequest(arn), ct)).Attributes);
            }
            catch (AmazonServiceException e) when (e.ErrorCode == "NotFound")
            {
                return new TopicRead(false, new Dictionary<string, string>()); // deleted since it was listed, or a named topic that does not exist
            }
        }, cancellationToken, arn);

        if (read is { Exists: false })
        {
            return;
        }

        var tags = await context.CallAsync("sns", "ListTagsForResource", ResourceTypes.SnsTopic,
            ct => client.ListTagsForResourceAsync(new Sns.ListTagsForResourceRequest(arn), ct), cancellationToken, arn);
        context.Builder.Add(new SnsTopic
        {
            Id = arn,
            Arn = arn,
            Region = context.Region,
            AccountId = context.AccountId,
            Tags = (tags?.Tags ?? []).GroupBy(t => t.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal),
            TagsUnknown = tags is null,
            Attributes = read is null ? null : Attributes(context, arn, read.Attributes),
            SubscriptionsConfirmed = read is not null && int.TryParse(read.Attributes.GetValueOrDefault("SubscriptionsConfirmed"), System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out var confirmed) ? confirmed : null,
        });
    }

    /// <summary>The attributes the rules judge; null (unknown) when the policy is missing or cannot be parsed.</summary>
    private static SnsTopicAttributes? Attributes(CollectorContext context, string arn, IReadOnlyDictionary<string, string> attributes)
    {
        if (attributes.GetValueOrDefault("Policy") is not { } json || string.IsNullOrWhiteSpace(json))
        {
            context.Missing("sns", "GetTopicAttributes", ResourceTypes.SnsTopic, "PolicyNotReturned",
                $"GetTopicAttributes returned no Policy for {arn} (every topic has one), so its access policy is unknown.", arn);
            return null;
        }

        PolicyDocument policy;
        try
        {
            policy = PolicyDocumentJsonConverter.Parse(json);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            context.Missing("sns", "GetTopicAttributes", ResourceTypes.SnsTopic, "InvalidPolicy", $"The access policy of {arn} could not be parsed: {ex.Message}", arn);
            return null;
        }

        var key = attributes.GetValueOrDefault("KmsMasterKeyId");
        return new SnsTopicAttributes(string.IsNullOrEmpty(key) ? null : key, policy);
    }

    /// <summary>arn:partition:sns:region:account:name — only topics of this region and account are read here.</summary>
    private static bool IsTopicHere(string arn, CollectorContext context) =>
        arn.Split(':') is [ "arn", _, "sns", var region, var account, { Length: > 0 } ] && region == context.Region && account == context.AccountId;

    /// <summary>GetTopicAttributes' map, and whether the topic exists at all.</summary>
    private sealed record TopicRead(bool Exists, IReadOnlyDictionary<string, string> Attributes);
}
