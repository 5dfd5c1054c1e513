"""GET /ws (spec v2, realtime): every text message to every /ws connection, the sender included."""
from channels.generic.websocket import AsyncWebsocketConsumer

GROUP = "realtime"


class BroadcastConsumer(AsyncWebsocketConsumer):
    """Each connection joins one Channels group; a received text message is sent to the group."""

    async def connect(self):
        await self.channel_layer.group_add(GROUP, self.channel_name)
        await self.accept()

    async def disconnect(self, code):
        await self.channel_layer.group_discard(GROUP, self.channel_name)

    async def receive(self, text_data=None, bytes_data=None):
        if text_data is not None:  # spec v2 forwards text messages only
            await self.channel_layer.group_send(GROUP, {"type": "broadcast", "text": text_data})

    async def broadcast(self, event):
        await self.send(text_data=event["text"])
