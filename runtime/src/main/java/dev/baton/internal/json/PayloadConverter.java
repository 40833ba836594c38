package dev.baton.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.baton.PayloadException;
import dev.baton.TypeRef;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Turns workflow and activity arguments and results into JSON and back, enforcing the payload size
 * limit. Values are decoded to their declared (possibly generic) types.
 */
public final class PayloadConverter {
  private final ObjectMapper mapper = Json.mapper();
  private final int limitBytes;

  /** A converter that refuses payloads larger than {@code limitBytes} once serialised. */
  public PayloadConverter(int limitBytes) {
    this.limitBytes = limitBytes;
  }

  /** Encodes arguments as a JSON array, checking their count against the declared types. */
  public JsonNode encodeArguments(String what, List<TypeRef<?>> types, Object[] arguments) {
    if (arguments.length != types.size()) {
      throw new IllegalArgumentException(
          what
              + " takes "
              + types.size()
              + " argument(s) "
              + types
              + " but got "
              + arguments.length);
    }
    ArrayNode array = mapper.createArrayNode();
    for (int i = 0; i < arguments.length; i++) {
      array.add(encode(what + " argument " + i, arguments[i]));
    }
    checkSize(what, array);
    return array;
  }

  /** Decodes a JSON array of arguments to the declared types. */
  public Object[] decodeArguments(String what, List<TypeRef<?>> types, JsonNode array) {
    if (!array.isArray() || array.size() != types.size()) {
      throw new PayloadException(
          what
              + " expects "
              + types.size()
              + " argument(s) "
              + types
              + " but the stored input is "
              + array);
    }
    Object[] values = new Object[types.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = decode(what + " argument " + i, array.get(i), types.get(i).type());
    }
    return values;
  }

  /** Encodes one value (null allowed) as a JSON tree. */
  public JsonNode encode(String what, @Nullable Object value) {
    if (value == null) {
      return NullNode.getInstance();
    }
    try {
      return mapper.valueToTree(value);
    } catch (IllegalArgumentException e) {
      throw new PayloadException(
          "Cannot serialise "
              + what
              + " of type "
              + value.getClass().getName()
              + " to JSON: "
              + e.getMessage()
              + ". Use a record or a class with public getters.",
          e);
    }
  }

  /** Encodes one value and checks it against the size limit. */
  public JsonNode encodeChecked(String what, @Nullable Object value) {
    JsonNode node = encode(what, value);
    checkSize(what, node);
    return node;
  }

  /** Decodes one JSON tree to {@code type}. */
  public @Nullable Object decode(String what, JsonNode node, Type type) {
    if (type == Void.class || type == void.class) {
      return null;
    }
    JavaType javaType = mapper.getTypeFactory().constructType(type);
    if (node.isNull() && javaType.isPrimitive()) {
      throw new PayloadException("Cannot read null as " + what + " of primitive type " + type);
    }
    try {
      return mapper.treeToValue(node, javaType);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new PayloadException(
          "Cannot read "
              + what
              + " as "
              + type.getTypeName()
              + ": "
              + e.getMessage()
              + ". Give the type a constructor or factory Jackson can use (a record works), and"
              + " keep it compatible with payloads already stored.",
          e);
    }
  }

  /**
   * Checks that each argument, stored and read back, has its declared type: a payload that could
   * not be read back fails here, before anything is stored.
   */
  public void checkRoundTrip(String what, List<TypeRef<?>> types, JsonNode array) {
    decodeArguments(what, types, array);
  }

  /** Serialises a tree to text. */
  public String toText(JsonNode node) {
    try {
      return mapper.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new PayloadException("Cannot serialise a JSON tree: " + e.getMessage(), e);
    }
  }

  private void checkSize(String what, JsonNode node) {
    int size = toText(node).getBytes(StandardCharsets.UTF_8).length;
    if (size > limitBytes) {
      throw new PayloadException(
          what
              + " is "
              + size
              + " bytes as JSON, over the payload limit of "
              + limitBytes
              + " bytes. Store large data elsewhere and pass a reference, or raise"
              + " BatonOptions.payloadLimitBytes.");
    }
  }
}
