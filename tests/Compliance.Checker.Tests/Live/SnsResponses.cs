using System.Net;

namespace Compliance.Checker.Tests.Live;

/// <summary>SNS awsQuery bodies, shaped as the SNS API reference examples show them (xmlns included).</summary>
internal static class SnsResponses
{
    public const string Topic = "arn:aws:sns:eu-west-1:123456789012:My-Topic";
    public const string Encrypted = "arn:aws:sns:eu-west-1:123456789012:orders.fifo";
    public const string Alerts = "arn:aws:sns:eu-west-1:123456789012:alerts";
    public const string Key = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    /// <summary>The API reference's GetTopicAttributes sample policy, as it sits XML-escaped in the response.</summary>
    public const string ReferencePolicy =
        "{&quot;Version&quot;:&quot;2008-10-17&quot;,&quot;Id&quot;:&quot;us-east-2/698519295917/test__default_policy_ID&quot;,&quot;Statement&quot;:[{&quot;Effect&quot;:&quot;Allow&quot;," +
        "&quot;Sid&quot;:&quot;us-east-2/698519295917/test__default_statement_ID&quot;,&quot;Principal&quot;:{&quot;AWS&quot;:&quot;*&quot;},&quot;Action&quot;:[&quot;SNS:GetTopicAttributes&quot;," +
        "&quot;SNS:SetTopicAttributes&quot;,&quot;SNS:AddPermission&quot;,&quot;SNS:RemovePermission&quot;,&quot;SNS:DeleteTopic&quot;,&quot;SNS:Subscribe&quot;,&quot;SNS:ListSubscriptionsByTopic&quot;," +
        "&quot;SNS:Publish&quot;],&quot;Resource&quot;:&quot;arn:aws:sns:us-east-2:698519295917:test&quot;,&quot;Condition&quot;:{&quot;StringLike&quot;:{&quot;AWS:SourceArn&quot;:&quot;arn:aws:*:*:698519295917:*&quot;}}}]}";

    public static Func<FakeRequest, HttpResponseMessage> ListTopics(string? nextToken, params string[] arns) => FakeAws.Xml($"""
        <ListTopicsResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
          <ListTopicsResult>
            <Topics>
              {string.Concat(arns.Select(a => $"<member><TopicArn>{a}</TopicArn></member>"))}
            </Topics>
            {(nextToken is null ? "" : $"<NextToken>{nextToken}</NextToken>")}
          </ListTopicsResult>
          <ResponseMetadata><RequestId>3f1478c7-33a9-11df-9540-99d0768312d3</RequestId></ResponseMetadata>
        </ListTopicsResponse>
        """);

    /// <summary>GetTopicAttributes with Owner, Policy (XML-escaped JSON), TopicArn, SubscriptionsConfirmed and, when given, KmsMasterKeyId.</summary>
    public static Func<FakeRequest, HttpResponseMessage> Attributes(string arn, string? escapedPolicy = ReferencePolicy, string? kmsKey = null, int? confirmed = 0) => FakeAws.Xml($"""
        <GetTopicAttributesResponse xmlns="https://sns.amazonaws.com/doc/2010-03-31/">
            <GetTopicAttributesResult>
                <Attributes>
                    <entry><key>Owner</key><value>123456789012</value></entry>
                    {(escapedPolicy is null ? "" : $"<entry><key>Policy</key><value>{escapedPolicy}</value></entry>")}
                    {(kmsKey is null ? "" : $"<entry><key>KmsMasterKeyId</key><value>{kmsKey}</value></entry>")}
                    <entry><key>TopicArn</key><value>{arn}</value></entry>
                    {(confirmed is null ? "" : $"<entry><key>SubscriptionsConfirmed</key><value>{confirmed}</value></entry>")}
                </Attributes>
            </GetTopicAttributesResult>
            <ResponseMetadata><RequestId>057f074c-33a7-11df-9540-99d0768312d3</RequestId></ResponseMetadata>
        </GetTopicAttributesResponse>
        """);

    /// <summary>Publish's answer, as in the API reference example.</summary>
    public static Func<FakeRequest, HttpResponseMessage> Published(string messageId) => FakeAws.Xml($"""
        <PublishResponse xmlns="https://sns.amazonaws.com/doc/2010-03-31/">
            <PublishResult>
                <MessageId>{messageId}</MessageId>
            </PublishResult>
            <ResponseMetadata>
                <RequestId>f187a3c1-376f-11df-8963-01868b7c937a</RequestId>
            </ResponseMetadata>
        </PublishResponse>
        """);

    /// <summary>An SNS error as the service sends it.</summary>
    public static Func<FakeRequest, HttpResponseMessage> Error(string code, string message, HttpStatusCode status) => FakeAws.Xml($"""
        <ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
          <Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error>
          <RequestId>9e7c5e3a-0000-5d6b-8bd1-EXAMPLE</RequestId>
        </ErrorResponse>
        """, status);

    /// <summary>ListTagsForResource's answer (Tags as a member list of Key/Value).</summary>
    public static Func<FakeRequest, HttpResponseMessage> TagList(params (string Key, string Value)[] tags) => FakeAws.Xml($"""
        <ListTagsForResourceResponse xmlns="https://sns.amazonaws.com/doc/2010-03-31/">
            <ListTagsForResourceResult>
                <Tags>
                    {string.Concat(tags.Select(t => $"<member><Key>{t.Key}</Key><Value>{t.Value}</Value></member>"))}
                </Tags>
            </ListTagsForResourceResult>
            <ResponseMetadata><RequestId>a1b2c3d4-1111-2222-3333-444455556666</RequestId></ResponseMetadata>
        </ListTagsForResourceResponse>
        """);

    /// <summary>Routes ListTagsForResource for one topic.</summary>
    public static FakeAws OnTopicTags(this FakeAws aws, string arn, params Func<FakeRequest, HttpResponseMessage>[] replies) =>
        aws.On(r => r.Service == "sns" && r.Operation == "ListTagsForResource" && r.Param("ResourceArn") == arn, replies);

    /// <summary>Routes GetTopicAttributes for one topic.</summary>
    public static FakeAws OnAttributes(this FakeAws aws, string arn, params Func<FakeRequest, HttpResponseMessage>[] replies) =>
        aws.On(r => r.Service == "sns" && r.Operation == "GetTopicAttributes" && r.Param("TopicArn") == arn, replies);
}
