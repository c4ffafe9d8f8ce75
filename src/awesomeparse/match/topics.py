"""Topic names: section headings in English or Chinese mapped to one key per topic."""

from __future__ import annotations

import regex

# A small bilingual table: Chinese headings that name the same topic as an English one.
BILINGUAL: dict[str, str] = {
    "语义分割": "semantic segmentation", "实例分割": "instance segmentation", "全景分割": "panoptic segmentation",
    "图像分割": "image segmentation", "视频分割": "video segmentation", "视频目标分割": "video object segmentation",
    "交互图像分割": "interactive segmentation", "交互式分割": "interactive segmentation",
    "交互图像分割算法": "interactive segmentation", "医学图像分割": "medical image segmentation",
    "目标检测": "object detection", "物体检测": "object detection", "数据集": "datasets", "综述": "surveys",
    "目标跟踪": "object tracking", "人体姿态估计": "human pose estimation", "超分辨率": "super-resolution",
    "图像分类": "image classification", "点云": "point cloud", "人脸": "face", "人脸识别": "face recognition",
    "行人重识别": "person re-identification", "人员重识别": "person re-identification", "光流估计": "optical flow",
    "深度估计": "depth estimation", "图像生成": "image generation", "风格迁移": "style transfer",
    "自监督学习": "self-supervised learning", "半监督学习": "semi-supervised learning", "弱监督": "weakly supervised",
    "领域自适应": "domain adaptation", "域适应": "domain adaptation", "知识蒸馏": "knowledge distillation",
    "神经架构搜索": "neural architecture search", "图神经网络": "graph neural networks",
    "异常检测": "anomaly detection",
    "分割代码框架": "segmentation frameworks", "代码": "code", "教程": "tutorials", "视频教程": "video tutorials",
    "入门学习": "introduction", "进阶论文": "papers", "论文": "papers", "领域专家": "experts", "比赛": "challenges",
}
_NUMBERING = regex.compile(r"^\s*+\d++(?:\.\d++)*+[.、)]?\s*+")
_PARENTHESIZED = regex.compile(r"[(（]([^()（）]*+)[)）]")
_HAN = regex.compile(r"\p{Han}")
_JUNK = regex.compile(r"[^\p{L}\p{N}+ -]++")


def topic_key(heading: str) -> tuple[str, str]:
    """``(key, display name)`` of a section heading.

    ``8.Image Segmentation(图像分割)`` and ``图像分割`` both give ``image segmentation``.
    """
    text = _NUMBERING.sub("", heading).strip()
    english = _PARENTHESIZED.sub(" ", text).strip()
    inner = [part.strip() for part in _PARENTHESIZED.findall(text)]
    for candidate in [english, *inner]:
        if candidate in BILINGUAL:
            name = BILINGUAL[candidate]
            return _clean(name), name
    if english and not _HAN.search(english):
        return _clean(english), english
    for part in inner:
        if part and not _HAN.search(part):
            return _clean(part), part
    return _clean(text), text


def _clean(text: str) -> str:
    return " ".join(_JUNK.sub(" ", text.casefold()).split())
