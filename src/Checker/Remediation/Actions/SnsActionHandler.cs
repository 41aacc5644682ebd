using Compliance.Checker.Live;
using Compliance.Checker.Live.Clients.SimpleNotificationService;
using Compliance.Rules;
using static Compliance.Checker.Remediation.Actions.ActionArguments;

namespace Compliance.Checker.Remediation.Actions;

/// <summary>
/// SNS topic encryption through our SNS client of the region. Only the KmsMasterKeyId attribute is ever set, and never
/// to an empty value (which would switch encryption off).
/// </summary>
public sealed class SnsActionHandler : IAwsActionHandler
{
    private const string KeyAttribute = "KmsMasterKeyId";

    public IReadOnlyList<string> Actions { get; } = ["sns:SetTopicAttributes", "sns:GetTopicAttributes"];

    public async Task<IReadOnlyDictionary<string, string>> InvokeAsync(AwsSession session, RemediationAction action, CancellationToken cancellationToken)
    {
        var sns = SimpleNotificationServiceClient.For(session, Region(action));
        var topic = Required(action, "TopicArn");
        switch (action.Action)
        {
            case "sns:SetTopicAttributes":
                var name = Required(action, "AttributeName");
                if (name != KeyAttribute)
                {
                    throw new ArgumentException($"sns:SetTopicAttributes here sets {KeyAttribute} only, not {name}.", nameof(action));
                }

                await sns.SetTopicAttributesAsync(new SetTopicAttributesRequest(topic, name, Required(action, "AttributeValue")), cancellationToken);
                return new Dictionary<string, string>();

            case "sns:GetTopicAttributes":
                var attributes = (await sns.GetTopicAttributesAsync(new GetTopicAttributesRequest(topic), cancellationToken)).Attributes;
                return new Dictionary<string, string>
                {
                    ["TopicArn"] = attributes.GetValueOrDefault("TopicArn") ?? topic,
                    [KeyAttribute] = attributes.GetValueOrDefault(KeyAttribute) ?? "",
                };

            default:
                throw new InvalidOperationException($"{nameof(SnsActionHandler)} does not perform {action.Action}.");
        }
    }
}
