package io.inflow.protocol.codec;

import static io.inflow.protocol.codec.ErrorCodes.DUPLICATE;
import static io.inflow.protocol.codec.ErrorCodes.INVALID_RANGE;
import static io.inflow.protocol.codec.ErrorCodes.INVALID_VALUE;
import static io.inflow.protocol.codec.ErrorCodes.MALFORMED_JSON;
import static io.inflow.protocol.codec.ErrorCodes.TOO_LONG;
import static io.inflow.protocol.codec.ErrorCodes.WRONG_TYPE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.inflow.protocol.api.CampaignDefinition;
import io.inflow.protocol.api.Enrolment;
import io.inflow.protocol.api.ErrorDetail;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the body of {@code PUT /api/v1/campaigns/{id}} into a {@link CampaignDefinition}, checking
 * every field and reporting <em>all</em> problems at once (a campaign is edited by a person, who
 * should fix everything in one round trip). Money stays an exact {@code BigDecimal}; dates become
 * {@code Instant}s; {@code influencers} defaults to empty and {@code targets} to no targets.
 */
public final class CampaignCodec {

  /** Longest campaign name, in chars. */
  public static final int MAX_NAME_LENGTH = 200;
  /** Longest KPI target name, in chars. */
  public static final int MAX_TARGET_NAME_LENGTH = 64;

  private static final CodecLimits LIMITS = CodecLimits.defaults();
  private static final Set<String> CAMPAIGN_FIELDS = FieldReader.fieldsOf(CampaignDefinition.class);
  private static final Set<String> ENROLMENT_FIELDS = FieldReader.fieldsOf(Enrolment.class);

  private CampaignCodec() {}

  /** The campaign in {@code body}, or a {@link ValidationException} listing every problem. */
  public static CampaignDefinition parse(byte[] body) {
    JsonNode tree = Json.readBody(body, "the body");
    if (!(tree instanceof ObjectNode o)) {
      throw malformed("a campaign must be a JSON object, got "
          + (tree == null || tree.isMissingNode() ? "an empty body" : Messages.describe(tree)));
    }
    FieldReader fields = FieldReader.collecting(LIMITS);
    fields.rejectUnknown(o, "", CAMPAIGN_FIELDS, "a campaign");
    String brandId = fields.requiredId(o, "", "brandId");
    String name = fields.requiredToken(o, "", "name", MAX_NAME_LENGTH);
    BigDecimal budget = fields.requiredDecimal(o, "", "budget");
    String currency = fields.requiredCurrency(o, "", "currency");
    Instant startsAt = fields.requiredTimestamp(o, "", "startsAt");
    Instant endsAt = fields.requiredTimestamp(o, "", "endsAt");
    if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
      fields.problem("endsAt", INVALID_RANGE,
          "endsAt must be after startsAt, got " + endsAt + " which is not after " + startsAt);
    }
    List<Enrolment> influencers = enrolments(fields, o);
    Map<String, BigDecimal> targets = targets(fields, o);
    if (fields.hasProblems()) {
      throw new ValidationException(fields.problems());
    }
    return new CampaignDefinition(
        brandId, name, budget, currency, startsAt, endsAt, influencers, targets);
  }

  private static List<Enrolment> enrolments(FieldReader fields, ObjectNode o) {
    ArrayNode array = fields.optionalArray(o, "", "influencers", Integer.MAX_VALUE);
    if (array == null || array.isEmpty()) {
      return List.of();
    }
    List<Enrolment> enrolments = new ArrayList<>(array.size());
    Map<String, Integer> firstIndexById = new HashMap<>();
    for (int i = 0; i < array.size(); i++) {
      ObjectNode e = fields.object(array.get(i), "", "influencers", i);
      if (e == null) {
        continue;
      }
      String p = "influencers[" + i + "].";
      fields.rejectUnknown(e, p, ENROLMENT_FIELDS, "an enrolment");
      String influencerId = fields.requiredId(e, p, "influencerId");
      if (influencerId != null) {
        Integer first = firstIndexById.putIfAbsent(influencerId, i);
        if (first != null) {
          fields.problem(p + "influencerId", DUPLICATE, p + "influencerId "
              + Messages.describe(TextNode.valueOf(influencerId))
              + " is already enrolled at influencers[" + first + "]");
        }
      }
      int max = CodecLimits.MAX_ATTRIBUTION_VALUE_LENGTH;
      enrolments.add(new Enrolment(
          influencerId,
          fields.optionalDecimal(e, p, "fee"),
          fields.optionalToken(e, p, "discountCode", max),
          fields.optionalToken(e, p, "link", max),
          fields.optionalToken(e, p, "utm", max)));
    }
    return Collections.unmodifiableList(enrolments);
  }

  private static Map<String, BigDecimal> targets(FieldReader fields, ObjectNode o) {
    JsonNode value = FieldReader.value(o, "targets");
    if (value == null) {
      return Map.of();
    }
    if (!value.isObject()) {
      fields.problem("targets", WRONG_TYPE,
          "targets must be an object of name to number, got " + Messages.describe(value));
      return Map.of();
    }
    Map<String, BigDecimal> targets = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : value.properties()) {
      String targetName = entry.getKey();
      JsonNode target = entry.getValue();
      if (isValidTargetName(fields, targetName) && !target.isNull()) {
        BigDecimal number = fields.decimal(target, "targets.", targetName);
        if (number != null) {
          targets.put(targetName, number);
        }
      }
    }
    return Collections.unmodifiableMap(targets);
  }

  private static boolean isValidTargetName(FieldReader fields, String targetName) {
    String shown = Messages.describe(TextNode.valueOf(targetName));
    if (targetName.length() > MAX_TARGET_NAME_LENGTH) {
      fields.problem("targets", TOO_LONG, "targets names must be at most "
          + MAX_TARGET_NAME_LENGTH + " characters, got " + shown);
      return false;
    }
    if (targetName.isBlank() || targetName.chars().anyMatch(Character::isISOControl)) {
      fields.problem("targets", INVALID_VALUE,
          "targets names must not be blank or hold control characters, got " + shown);
      return false;
    }
    return true;
  }

  private static ValidationException malformed(String message) {
    return new ValidationException(List.of(ErrorDetail.field(null, MALFORMED_JSON, message)));
  }

}
