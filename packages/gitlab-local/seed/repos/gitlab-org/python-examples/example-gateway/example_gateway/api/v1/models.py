from fastapi import APIRouter, Depends, HTTPException, status
from pydantic import BaseModel

from example_gateway.api.auth import current_user
from example_gateway.core.model_catalog import MODEL_CATALOG, Model, find_model

router = APIRouter(
    prefix="/models", tags=["models"], dependencies=[Depends(current_user)]
)


class ModelInfo(BaseModel):
    name: str
    provider: str
    context_window: int


class ModelList(BaseModel):
    models: list[ModelInfo]


def _info(model: Model) -> ModelInfo:
    return ModelInfo(
        name=model.name, provider=model.provider, context_window=model.context_window
    )


@router.get("")
async def list_models() -> ModelList:
    """The models callers can send prompts to."""
    return ModelList(models=[_info(model) for model in MODEL_CATALOG])


@router.get("/{name}")
async def get_model(name: str) -> ModelInfo:
    model = find_model(name)
    if model is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail="Unknown model")
    return _info(model)
