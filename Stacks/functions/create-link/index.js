const { DynamoDBClient, PutItemCommand } = require("@aws-sdk/client-dynamodb");
const { randomBytes } = require("crypto");
const db = new DynamoDBClient({});
exports.handler = async (event) => {
  const { url } = JSON.parse(event.body || "{}");
  if (!/^https?:\/\//.test(url || "")) return { statusCode: 400, body: "url must be http(s)" };
  const code = randomBytes(5).toString("base64url");
  await db.send(new PutItemCommand({
    TableName: process.env.TABLE_NAME,
    Item: { code: { S: code }, url: { S: url } },
    ConditionExpression: "attribute_not_exists(code)",
  }));
  return { statusCode: 201, body: JSON.stringify({ code }) };
};
